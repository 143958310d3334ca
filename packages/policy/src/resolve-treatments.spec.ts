import { describe, expect, it } from 'vitest';
import type { TreatmentRule } from './document.js';
import { byPriority, resolveTreatments } from './resolve-treatments.js';

function rule(id: string, priority: number, treatments: Record<string, object>, suppress?: string[]): TreatmentRule {
  return {
    id,
    label: { en: id },
    priority,
    conditions: { all: [] },
    treatments: Object.entries(treatments).map(([type, params]) => ({ type, params: params as Record<string, unknown> })),
    explanation: id,
    ...(suppress ? { suppress } : {}),
  };
}

describe('treatment conflicts', () => {
  it('keeps one treatment per type, from the highest-priority rule', () => {
    const fired = byPriority([rule('low', 1, { queue: { priority: 9 } }), rule('high', 5, { queue: { priority: 1 } })]);
    const { treatments, contributing } = resolveTreatments(fired);
    expect(treatments).toEqual({ queue: { priority: 1 } });
    expect(contributing.map((r) => r.id)).toEqual(['high']);
  });

  it('breaks a priority tie by document order', () => {
    const fired = byPriority([rule('first', 3, { fee: { amount: 1 } }), rule('second', 3, { fee: { amount: 2 } })]);
    expect(resolveTreatments(fired).treatments).toEqual({ fee: { amount: 1 } });
  });

  it('removes the types a rule suppresses, even from higher-priority rules', () => {
    const fired = byPriority([rule('waiver', 1, { waiver: {} }, ['fee']), rule('fee', 9, { fee: { amount: 40 } })]);
    expect(resolveTreatments(fired).treatments).toEqual({ waiver: {} });
  });

  it('lets "*" keep only what the suppressing rule gives itself', () => {
    const fired = byPriority([
      rule('blacklist', 100, { blacklist: {}, queue: { priority: 99 } }, ['*']),
      rule('key-account', 10, { accountManager: {}, queue: { priority: 1 } }),
      rule('fee', 10, { fee: {} }),
    ]);
    const { treatments, contributing } = resolveTreatments(fired);
    expect(treatments).toEqual({ blacklist: {}, queue: { priority: 99 } });
    expect(contributing.map((r) => r.id)).toEqual(['blacklist']);
  });
});
