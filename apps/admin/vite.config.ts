import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is served by the api at `/` (one origin, no CORS). `npm run dev`
// runs Vite on 5173 and forwards `/api` to an api on 3000.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    manifest: true,
    chunkSizeWarningLimit: 5000,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
