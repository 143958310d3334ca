import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The console is built by Vite into apps/admin/dist. This file runs from
// apps/api/src/console (vitest) or apps/api/dist/console (node), so the same
// relative path finds it from both; in the image it is /app/apps/admin/dist.
const BUILT_CONSOLE = new URL('../../../admin/dist/', import.meta.url);

/** The built console's folder, or null when it has not been built (the API then serves the API alone). */
export function findConsoleFolder(): string | null {
  const folder = fileURLToPath(BUILT_CONSOLE);
  return existsSync(`${folder}index.html`) ? folder : null;
}
