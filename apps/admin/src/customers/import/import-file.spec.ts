import { describe, expect, it } from 'vitest';
import { importErrorPlace, importMediaType } from './import-file';

describe('importMediaType', () => {
  it('goes by the extension, then by the type the browser gives', () => {
    expect(importMediaType({ name: 'customers.CSV', type: '' })).toBe('text/csv');
    expect(importMediaType({ name: 'customers.jsonl', type: 'application/octet-stream' })).toBe('application/x-ndjson');
    expect(importMediaType({ name: 'customers.ndjson', type: '' })).toBe('application/x-ndjson');
    expect(importMediaType({ name: 'export', type: 'text/csv' })).toBe('text/csv');
    expect(importMediaType({ name: 'customers.xlsx', type: 'application/vnd.ms-excel' })).toBeUndefined();
    expect(importMediaType({ name: 'customers.json', type: 'application/json' })).toBeUndefined();
  });
});

describe('importErrorPlace', () => {
  it("reads the api's pointers: facts, other fields, header columns (1-based) and whole rows", () => {
    expect(importErrorPlace('/facts/strength')).toEqual({ kind: 'fact', name: 'strength' });
    expect(importErrorPlace('/name')).toEqual({ kind: 'field', name: 'name' });
    expect(importErrorPlace('/phone')).toEqual({ kind: 'field', name: 'phone' });
    expect(importErrorPlace('/columns/9')).toEqual({ kind: 'column', index: 10 });
    expect(importErrorPlace('/columns')).toEqual({ kind: 'column', index: null });
    expect(importErrorPlace('')).toEqual({ kind: 'row' });
  });
});
