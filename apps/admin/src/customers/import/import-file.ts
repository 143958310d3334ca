import { pointerTokens } from '../problem-fields';

// What the import route takes (apps/api/src/customers/import/import-format.ts) and how its
// answers read: 200 with counts, or 422 import-rejected listing each problem by line.

export type ImportMediaType = 'text/csv' | 'application/x-ndjson';

/** The media type to send a file as: by its extension first (browsers rarely know JSON lines), then by its type. */
export function importMediaType(file: { name: string; type: string }): ImportMediaType | undefined {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) return 'application/x-ndjson';
  if (file.type === 'text/csv') return 'text/csv';
  if (file.type === 'application/x-ndjson' || file.type === 'application/jsonl') return 'application/x-ndjson';
  return undefined;
}

export interface ImportResult {
  imported: number;
  created: number;
  updated: number;
  unchanged: number;
  tierChanges: number;
  tiers: Record<string, number>;
  policy: { id: string; version: number | null; hash: string };
}

export interface ImportRowError {
  /** 1-based line of the file. */
  line: number;
  customerId: string | null;
  /** JSON pointer into the row: /facts/strength, /name, /columns/9, '' for the row as a whole. */
  path: string;
  message: string;
}

export interface ImportProblem {
  status: number;
  code?: string;
  detail?: string;
  errors?: ImportRowError[];
  totalErrors?: number;
  rowsRejected?: number;
  rowsRead?: number;
}

/** Where in a row a problem is: a fact, another field of the row, a column of the header, or the row itself. */
export type ImportErrorPlace =
  { kind: 'fact'; name: string } | { kind: 'field'; name: string } | { kind: 'column'; index: number | null } | { kind: 'row' };

export function importErrorPlace(path: string): ImportErrorPlace {
  const [first, second] = pointerTokens(path);
  if (first === undefined) return { kind: 'row' };
  if (first === 'facts' && second !== undefined) return { kind: 'fact', name: second };
  if (first === 'columns') return { kind: 'column', index: second === undefined ? null : Number(second) + 1 };
  return { kind: 'field', name: first };
}
