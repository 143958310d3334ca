// Before and after, as audit rows record them (apps/api/src/audit/audit-changes.ts): summary.changes maps
// each changed field to { before?, after? }; a missing side means absent, not null. A customer's facts
// nest one level deeper (summary.changes.facts.<fact>), and a discarded draft's summary is itself one change.

export interface ChangeRow {
  /** Field path, e.g. ['facts', 'revenue']; empty for a change of the record as a whole. */
  path: string[];
  before?: unknown;
  after?: unknown;
}

export interface SummaryParts {
  changes: ChangeRow[];
  /** Everything else the summary says, key by key. */
  details: [string, unknown][];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function isChange(value: unknown): value is { before?: unknown; after?: unknown } {
  if (!isObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => key === 'before' || key === 'after');
}

function changeRows(changes: Record<string, unknown>, prefix: string[]): ChangeRow[] {
  return Object.entries(changes).flatMap(([field, value]): ChangeRow[] => {
    const path = [...prefix, field];
    if (isChange(value)) return [{ path, ...value }];
    if (isObject(value)) return changeRows(value, path);
    return [{ path, after: value }];
  });
}

export function splitSummary(summary: Record<string, unknown>): SummaryParts {
  if (isChange(summary)) return { changes: [{ path: [], ...summary }], details: [] };
  const { changes, ...rest } = summary;
  return {
    changes: isObject(changes) ? changeRows(changes, []) : [],
    details: Object.entries(isObject(changes) || changes === undefined ? rest : summary),
  };
}

/** A value as a person reads it: text as is, anything else as compact JSON. */
export function displayValue(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? '';
}
