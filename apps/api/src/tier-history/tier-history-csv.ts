import { csvRecords, type CsvCell } from '../common/csv-export.js';
import type { TierHistoryDto } from './dto/tier-history.dto.js';

// The export's CSV, in the conventions of every CSV export (common/csv-export.ts).

export const TIER_HISTORY_CSV_COLUMNS = [
  'id',
  'at',
  'customerId',
  'previousTier',
  'newTier',
  'score',
  'cause',
  'policyId',
  'policyVersion',
  'policyHash',
  'actor',
  'facts',
] as const;

function record(entry: TierHistoryDto): CsvCell[] {
  return [
    entry.id,
    entry.at,
    entry.customerId,
    entry.previousTier,
    entry.newTier,
    entry.score,
    entry.cause,
    entry.policy.id,
    entry.policy.version,
    entry.policy.hash,
    entry.actor,
    JSON.stringify(entry.facts),
  ];
}

export function tierHistoryCsvHeader(): string {
  return csvRecords([TIER_HISTORY_CSV_COLUMNS]);
}

/** The CSV records of `entries`, one line each, in one string (one write to the socket per page). */
export function tierHistoryCsvLines(entries: readonly TierHistoryDto[]): string {
  return csvRecords(entries.map(record));
}
