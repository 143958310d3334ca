import type { Readable } from 'node:stream';
import type { FactCatalogue } from '@tierwise/policy';
import { csvRecords } from './csv-records.js';
import type { FactsFormat } from './facts-source.js';
import type { InputRecord } from './input-record.js';
import { jsonlRecords } from './jsonl-records.js';

export function readRecords(input: Readable, format: FactsFormat, catalogue: FactCatalogue): AsyncGenerator<InputRecord> {
  return format === 'csv' ? csvRecords(input, catalogue) : jsonlRecords(input);
}
