// Small checks for request bodies and query values. There is no class-validator
// here: bodies are few and small, and facts are checked by the policy's own catalogue.

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses a JSON-encoded query parameter (`sort=["name","ASC"]`); undefined when absent. */
export function parseJsonParam(raw: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  if (raw === undefined) return { ok: true, value: undefined };
  if (typeof raw !== 'string') return { ok: false, message: 'must be given once, as JSON' };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false, message: `is not valid JSON: ${raw.slice(0, 100)}` };
  }
}
