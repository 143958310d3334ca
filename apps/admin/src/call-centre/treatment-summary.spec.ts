import type { CompiledPolicy } from '@tierwise/policy';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSeedPolicy, seedDecision } from './seed-decisions';
import { describeParams, summarizeTreatments } from './treatment-summary';

describe('summarizeTreatments on decisions of the shipped policy', () => {
  let policy: CompiledPolicy;
  beforeAll(async () => {
    policy = await loadSeedPolicy();
  });

  it('tier A: green channel, priority 1, 90% within 20 s, a dedicated account manager, no fee, not blacklisted', () => {
    const decision = seedDecision(policy, { nature: 'government', strength: 15, growth: 15, profitContribution: 15, relationship: 20 });
    expect(decision.tier).toBe('A');
    expect(summarizeTreatments(decision.treatments)).toEqual({
      blacklist: null,
      queue: { priority: 1, greenChannel: true, slaSeconds: 20, slaTarget: 0.9, callbackWithinHours: null },
      accountManager: { dedicated: true, name: null },
      fee: null,
      other: [],
    });
  });

  it('tier B: normal queue with the 24 h callback promise', () => {
    const decision = seedDecision(policy, { nature: 'joint-stock', strength: 12, growth: 12, profitContribution: 12, relationship: 12 });
    expect(decision.tier).toBe('B');
    expect(summarizeTreatments(decision.treatments).queue).toEqual({
      priority: 5,
      greenChannel: false,
      slaSeconds: 20,
      slaTarget: 0.85,
      callbackWithinHours: 24,
    });
  });

  it('tier C with a small balance and no potential: the monthly HKD 40 fee', () => {
    const decision = seedDecision(policy, { balance: 1000, upgradePotential: false });
    expect(decision.tier).toBe('C');
    expect(summarizeTreatments(decision.treatments).fee).toEqual({ amount: 40, currency: 'HKD', period: 'month' });
  });

  it('blacklisted: the reason, the lowest priority and nothing else', () => {
    const decision = seedDecision(policy, { blacklisted: true, nature: 'government', strength: 15, growth: 15, relationship: 20 });
    const summary = summarizeTreatments(decision.treatments);
    expect(summary.blacklist).toEqual({ reason: 'on the blacklist' });
    expect(summary.queue).toMatchObject({ priority: 99, greenChannel: false, slaSeconds: null });
    expect(summary.accountManager).toBeNull();
  });

  it('keeps treatment types it has no layout for, and describes their parameters', () => {
    const summary = summarizeTreatments({ visits: { channel: 'branch', perYear: 4 }, queue: { priority: 2 } });
    expect(summary.other).toEqual([{ type: 'visits', params: { channel: 'branch', perYear: 4 } }]);
    expect(summary.queue).toEqual({ priority: 2, greenChannel: false, slaSeconds: null, slaTarget: null, callbackWithinHours: null });
    expect(describeParams({ channel: 'branch', perYear: 4, regions: ['north'] })).toBe('channel: branch, perYear: 4, regions: ["north"]');
  });
});
