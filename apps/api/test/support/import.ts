import type { Readable } from 'node:stream';
import type { TestApp } from './test-app.js';
import type { CustomerInput } from './customer.factory.js';

/** POSTs a file to the bulk import; `body` is the file's text or a stream of it. */
export async function postImport(t: TestApp, contentType: string, body: string | Buffer | Readable, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/customers/import',
    headers: { ...headers, 'content-type': contentType },
    payload: body,
  });
}

export function jsonl(customers: readonly CustomerInput[]): string {
  return customers.map((customer) => JSON.stringify(customer)).join('\n') + '\n';
}

const FACT_COLUMNS = [
  'nature',
  'strength',
  'growth',
  'profitContribution',
  'relationship',
  'strategicImportance',
  'balance',
  'daysOverdue',
  'blacklisted',
  'upgradePotential',
] as const;

/** The customers as CSV with a header row; names are always quoted, booleans written yes/no as spreadsheets often do. */
export function csv(customers: readonly CustomerInput[]): string {
  const header = ['id', 'name', ...FACT_COLUMNS].join(',');
  const lines = customers.map((customer) => {
    const cells = FACT_COLUMNS.map((column) => {
      const value = customer.facts[column];
      if (value === undefined) return '';
      if (typeof value === 'boolean') return value ? 'yes' : 'no';
      return typeof value === 'string' ? value : JSON.stringify(value);
    });
    return [customer.id, `"${customer.name.replace(/"/g, '""')}"`, ...cells].join(',');
  });
  return [header, ...lines].join('\r\n') + '\r\n';
}
