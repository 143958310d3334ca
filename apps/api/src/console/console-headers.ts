// Headers of the console's own files (index.html and assets/*), never of the API's answers.

/**
 * The console loads nothing from another origin (no CDN, no fonts, no telemetry) and
 * calls only its own API. MUI's emotion injects <style> elements, hence 'unsafe-inline'
 * for styles (never for scripts); Monaco's workers and fonts are bundled files, small
 * assets may be inlined by Vite as data: URLs, and ECharts draws on canvas.
 */
export const CONSOLE_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // 'unsafe-eval': the policy package lints in the browser with Ajv, which compiles the policy schema
  // with new Function. Inline and foreign scripts stay refused.
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Vite names every file under assets/ by its content hash: a changed file is a new name. */
export const HASHED_ASSET_CACHE = 'public, max-age=31536000, immutable';
/** index.html names the current assets, so it is revalidated on every load. */
export const INDEX_CACHE = 'no-cache';

export const CONSOLE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONSOLE_CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
};
