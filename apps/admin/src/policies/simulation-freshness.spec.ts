import { describe, expect, it } from 'vitest';
import { isSimulationStale } from './simulation-freshness';

describe("a draft's latest simulation", () => {
  const run = { startedAt: '2025-05-01T10:00:00.000Z' };

  it('is current when the draft was last saved before it started', () => {
    expect(isSimulationStale(run, { updatedAt: '2025-05-01T09:59:59.000Z' })).toBe(false);
    expect(isSimulationStale(run, { updatedAt: run.startedAt })).toBe(false);
  });

  it('is stale once the draft was saved after it started', () => {
    expect(isSimulationStale(run, { updatedAt: '2025-05-01T10:00:01.000Z' })).toBe(true);
  });
});
