// Where each problem the api reports belongs in the customer form. Problems are RFC 9457
// problem+json with `errors: [{ path, message }]`, `path` a JSON pointer into the body sent
// (/name, /phone, /facts/strength); imports add `line` and `customerId`.

export interface FieldProblem {
  path: string;
  message: string;
}

export interface PlacedProblems {
  /** Form-shaped errors for react-admin's form: { name: '...', facts: { strength: '...' } }. */
  fields: Record<string, unknown>;
  /** Problems no form field shows (the body as a whole, an unknown field): listed above the form. */
  unplaced: FieldProblem[];
}

/** The problems a problem+json body lists, whatever it calls the pointer (path; pointer or field in other apis). */
export function fieldProblemsOf(body: unknown): FieldProblem[] {
  if (typeof body !== 'object' || body === null) return [];
  const errors = (body as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((error: unknown) => {
    if (typeof error !== 'object' || error === null) return [];
    const { path, pointer, field, message, detail } = error as Record<string, unknown>;
    const where = [path, pointer, field].find((candidate): candidate is string => typeof candidate === 'string') ?? '';
    const what = [message, detail].find((candidate): candidate is string => typeof candidate === 'string') ?? '';
    return [{ path: where, message: what }];
  });
}

/** JSON pointer (RFC 6901) to its reference tokens: "/facts/a~1b" -> ["facts", "a/b"]. */
export function pointerTokens(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Puts each problem on its field: name, phone and each of `factNames` (the facts the form shows).
 * Two problems on one field are joined; anything else is unplaced.
 */
export function placeProblems(problems: FieldProblem[], factNames: readonly string[]): PlacedProblems {
  const fields: Record<string, unknown> = {};
  const facts: Record<string, string> = {};
  const unplaced: FieldProblem[] = [];
  const join = (current: unknown, message: string) => (typeof current === 'string' ? `${current}; ${message}` : message);
  for (const problem of problems) {
    const tokens = pointerTokens(problem.path);
    if (tokens.length === 1 && (tokens[0] === 'name' || tokens[0] === 'phone')) {
      fields[tokens[0]] = join(fields[tokens[0]], problem.message);
    } else if (tokens.length === 2 && tokens[0] === 'facts' && factNames.includes(tokens[1]!)) {
      facts[tokens[1]!] = join(facts[tokens[1]!], problem.message);
    } else {
      unplaced.push(problem);
    }
  }
  if (Object.keys(facts).length > 0) fields['facts'] = facts;
  return { fields, unplaced };
}
