import type { FieldError } from './field-error.js';

/** Deeper than any policy or facts a person writes, shallow enough that no recursive reader (validation, JSON.stringify, PostgreSQL) runs out of stack. */
export const MAX_JSON_DEPTH = 64;

/**
 * The first thing in a parsed JSON value that cannot be stored or read back
 * as sent: a NUL character in a string or key (PostgreSQL text and jsonb
 * refuse it), a number outside what a double holds (`1e400` parses as
 * Infinity and would be saved as null), or nesting past MAX_JSON_DEPTH.
 * Walked with an explicit stack, so a hostile depth cannot overflow this check
 * itself. `at` prefixes the pointer (a row's problems point into the row).
 */
export function findUnstorableJson(value: unknown, at = ''): FieldError | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: at, depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const problem = problemWith(item.value, item.path);
    if (problem) return problem;
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.depth >= MAX_JSON_DEPTH) {
      return { path: item.path, message: `${where(item.path)} is nested more than ${MAX_JSON_DEPTH} levels deep` };
    }
    // Pushed in reverse so the first problem in document order is the one reported.
    const entries: [string, unknown][] = Array.isArray(item.value)
      ? item.value.map((element: unknown, index) => [String(index), element])
      : Object.entries(item.value as Record<string, unknown>);
    for (let index = entries.length - 1; index >= 0; index -= 1) {
      const [key, child] = entries[index]!;
      const path = `${item.path}/${escapePointer(key)}`;
      if (key.includes('\u0000'))
        return { path: item.path, message: `a field name in ${where(item.path)} contains a NUL character (\\u0000); remove it` };
      stack.push({ value: child, path, depth: item.depth + 1 });
    }
  }
  return undefined;
}

function problemWith(value: unknown, path: string): FieldError | undefined {
  if (typeof value === 'string' && value.includes('\u0000')) {
    return { path, message: `${where(path)} contains a NUL character (\\u0000), which cannot be stored; remove it` };
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return { path, message: `${where(path)} is a number too large to store; numbers must be below about 1.8e308` };
  }
  return undefined;
}

function where(path: string): string {
  return path === '' ? 'the body' : `the value at ${path}`;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
