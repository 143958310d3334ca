import type { StoredDecision } from './stored-decision';

// The treatments a call-centre agent acts on, read out of the decision's open-ended
// `treatments` map (keyed by type). Types the console does not know are kept as they are.

export interface QueueTreatment {
  priority: number | null;
  greenChannel: boolean;
  slaSeconds: number | null;
  /** Share of calls answered within slaSeconds, 0..1. */
  slaTarget: number | null;
  callbackWithinHours: number | null;
}

export interface FeeTreatment {
  amount: number | null;
  currency: string | null;
  period: string | null;
}

export interface TreatmentSummary {
  blacklist: { reason: string | null } | null;
  queue: QueueTreatment | null;
  accountManager: { dedicated: boolean; name: string | null } | null;
  fee: FeeTreatment | null;
  other: { type: string; params: Readonly<Record<string, unknown>> }[];
}

const KNOWN = new Set(['blacklist', 'queue', 'accountManager', 'fee']);

export function summarizeTreatments(treatments: StoredDecision['treatments']): TreatmentSummary {
  const { blacklist, queue, accountManager, fee } = treatments;
  return {
    blacklist: blacklist ? { reason: text(blacklist['reason']) } : null,
    queue: queue
      ? {
          priority: number(queue['priority']),
          greenChannel: queue['greenChannel'] === true,
          slaSeconds: number(queue['slaSeconds']),
          slaTarget: number(queue['slaTarget']),
          callbackWithinHours: number(queue['callbackWithinHours']),
        }
      : null,
    // An accountManager treatment means one is assigned; `dedicated: false` says it is shared.
    accountManager: accountManager ? { dedicated: accountManager['dedicated'] !== false, name: text(accountManager['name']) } : null,
    fee: fee ? { amount: number(fee['amount']), currency: text(fee['currency']), period: text(fee['period']) } : null,
    other: Object.entries(treatments)
      .filter(([type]) => !KNOWN.has(type))
      .map(([type, params]) => ({ type, params })),
  };
}

/** A treatment's parameters as one line ("channel: branch, visits: 4") for types the console has no layout for. */
export function describeParams(params: Readonly<Record<string, unknown>>): string {
  return Object.entries(params)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}

function number(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
