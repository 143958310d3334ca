import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, draftOf, publish, seedDocument } from './support/policies-helpers.js';
import { startProtectionApp, type ProtectionApp } from './support/protection-app.js';

// Issue 8 point 5 through the api: rules/examples/downgrade-protection grades the customers
// (a customer falls a tier only after 2 consecutive gradings below it or 60 days, one tier at a
// time, after 90 days in its tier; it rises at once). Gradings are saves (fact changes) and
// grading runs; a customer's past is moved back in time in its stored standing. Scores: A facts
// 100 points, B facts 64, C facts 30 (A >= 75, B >= 60).

describe('downgrade protection, end to end', () => {
  let t: ProtectionApp;
  let n = 0;
  const newId = () => `DP-${++n}`;

  beforeAll(async () => {
    t = await startProtectionApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('grades a first grading by the rules, rises at once, and stores the standing each grading returns at its gradedAt', async () => {
    const id = newId();
    const first = await t.grade(id, 'C');
    expect(first).toMatchObject({ tier: 'C', score: 30 });
    expect(first.protection).toBeUndefined();
    expect(await t.standing(id)).toEqual({ tier: 'C', since: first.gradedAt, below: null });

    const risen = await t.grade(id, 'A');
    expect(risen).toMatchObject({ tier: 'A', score: 100 });
    expect(risen.protection).toBeUndefined();
    expect(await t.standing(id)).toEqual({ tier: 'A', since: risen.gradedAt, below: null });

    const history = await t.history(id);
    expect(history.map((row) => `${row.previous_tier ?? ''}>${row.new_tier}`)).toEqual(['>C', 'C>A']);
    // Each row keeps what the evaluation was given: the time (its own), and the standing before it.
    expect(history[0]!.inputs).toEqual({ at: first.gradedAt });
    expect(history[0]!.at.toISOString()).toBe(first.gradedAt);
    expect(history[1]!.inputs).toEqual({ at: risen.gradedAt, standing: { tier: 'C', since: first.gradedAt, below: null } });
    expect(history.map((row) => row.protection)).toEqual([null, null]);
  });

  it('keeps a customer in its tier for its minimum time in it, whatever the grace', async () => {
    const id = newId();
    const entered = await t.grade(id, 'A');
    const once = await t.grade(id, 'B');
    expect(once.tier).toBe('A');
    expect(once.explanation[0]).toBe('score 64 would give B; kept A, grace 1 of 2, 0 of 60 days, 0 of the minimum 90 days in A');
    expect(once.protection).toEqual({
      ruledTier: 'B',
      keptTier: 'A',
      gradings: { count: 1, of: 2 },
      days: { count: 0, of: 60 },
      daysInTier: { count: 0, of: 90 },
      reason: 'grace 1 of 2, 0 of 60 days, 0 of the minimum 90 days in A',
    });
    // The grace is over, but the minimum time in A is not.
    const twice = await t.grade(id, 'B');
    expect(twice.tier).toBe('A');
    expect(twice.explanation[0]).toBe('score 64 would give B; kept A, 0 of the minimum 90 days in A');
    expect(twice.protection).toMatchObject({ gradings: { count: 2, of: 2 }, reason: '0 of the minimum 90 days in A' });
    expect(await t.standing(id)).toEqual({ tier: 'A', since: entered.gradedAt, below: { count: 2, since: once.gradedAt } });
    // The treatments follow the tier kept: still a key account.
    expect(twice.explanation[1]).toMatch(/^tier A: dedicated account manager/);
    // The tier did not change: no history row beyond the first grading's.
    expect((await t.history(id)).map((row) => row.new_tier)).toEqual(['A']);

    // Past its minimum time, the third grading below lets it fall.
    await t.backdate(id, 91, { count: 2, days: 1 });
    const fallen = await t.grade(id, 'B');
    expect(fallen).toMatchObject({ tier: 'B', score: 64 });
    expect(fallen.protection).toBeUndefined();
  });

  it('lets a customer fall after 2 consecutive gradings below its tier, the second one in a grading run', async () => {
    const id = newId();
    await t.grade(id, 'A');
    await t.backdate(id, 100);
    const once = await t.grade(id, 'B');
    expect(once.tier).toBe('A');
    expect(once.explanation[0]).toBe('score 64 would give B; kept A, grace 1 of 2, 0 of 60 days');
    expect(once.protection).toMatchObject({ gradings: { count: 1, of: 2 }, daysInTier: { count: 100, of: 90 } });

    const run = await t.regrade([id]);
    expect(run).toMatchObject({ evaluated: 1, changed: 1, decisionsWritten: 1 });
    const fallen = await t.decision(id);
    expect(fallen).toMatchObject({ tier: 'B', cause: 'regrade' });
    expect(fallen.protection).toBeUndefined();
    expect(fallen.explanation[0]).toMatch(/: tier B \(ordinary customer\)$/);
    expect(await t.standing(id)).toEqual({ tier: 'B', since: fallen.gradedAt, below: null });
    const [, moved] = await t.history(id);
    expect(moved).toMatchObject({ previous_tier: 'A', new_tier: 'B', cause: 'regrade', protection: null });
    expect(moved!.inputs).toMatchObject({ at: fallen.gradedAt, standing: { tier: 'A', below: { count: 1, since: once.gradedAt } } });
  });

  it('starts the count again once the rules put the customer back in its tier', async () => {
    const id = newId();
    await t.grade(id, 'A');
    await t.backdate(id, 100);
    expect((await t.grade(id, 'B')).protection).toMatchObject({ gradings: { count: 1, of: 2 } });
    const back = await t.grade(id, 'A');
    expect(back.protection).toBeUndefined();
    expect((await t.standing(id))?.below).toBeNull();
    const again = await t.grade(id, 'B');
    expect(again).toMatchObject({ tier: 'A', protection: { gradings: { count: 1, of: 2 } } });
  });

  it('re-grades a protected customer whose tier stays in a run, with its count one further', async () => {
    const id = newId();
    await t.grade(id, 'A');
    await t.backdate(id, 10);
    const once = await t.grade(id, 'B');
    expect(once.protection).toMatchObject({ gradings: { count: 1, of: 2 } });
    const run = await t.regrade([id]);
    expect(run).toMatchObject({ evaluated: 1, changed: 0, decisionsWritten: 1 });
    const kept = await t.decision(id);
    expect(kept).toMatchObject({ tier: 'A', cause: 'regrade', protection: { gradings: { count: 2, of: 2 }, daysInTier: { count: 10 } } });
    expect((await t.standing(id))?.below).toEqual({ count: 2, since: once.gradedAt });
    // A customer in its tier by the rules, graded again with nothing changed, is not rewritten.
    const steady = newId();
    await t.grade(steady, 'B');
    expect(await t.regrade([steady])).toMatchObject({ evaluated: 1, changed: 0, decisionsWritten: 0 });
  });

  it('lowers a customer one tier at a time, and records it in the tier history row', async () => {
    const id = newId();
    await t.grade(id, 'A');
    await t.backdate(id, 100, { count: 1, days: 5 });
    const stepped = await t.grade(id, 'C');
    expect(stepped).toMatchObject({ tier: 'B', score: 30 });
    const held = { ruledTier: 'C', keptTier: 'B', reason: 'one tier at a time' };
    expect(stepped.protection).toEqual(held);
    expect(stepped.explanation[0]).toBe('score 30 would give C; falls from A to B only, one tier at a time');
    expect(stepped.explanation[1]).toMatch(/^tier B: normal queue/);
    const [, row] = await t.history(id);
    expect(row).toMatchObject({ previous_tier: 'A', new_tier: 'B', cause: 'fact-change', protection: held });
    // In B afresh: its minimum time there holds it, and its count starts again.
    expect(await t.standing(id)).toEqual({ tier: 'B', since: stepped.gradedAt, below: null });
    const next = await t.grade(id, 'C');
    expect(next).toMatchObject({ tier: 'B', protection: { ruledTier: 'C', keptTier: 'B', gradings: { count: 1, of: 2 } } });
  });

  it('lets a tier set by hand win over protection', async () => {
    const id = newId();
    await t.grade(id, 'A');
    const set = await call(t, 'admin', 'PUT', `/api/v1/customers/${id}/tier-override`, { tier: 'C', reason: 'closing the account' });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ tier: 'C', cause: 'manual-override' });
    expect(set.json<{ protection?: unknown }>().protection).toBeUndefined();
    expect(await t.standing(id)).toMatchObject({ tier: 'C', below: null });
  });

  describe('by days alone (a version without a grading count)', () => {
    beforeAll(async () => {
      const document = await seedDocument(t);
      const grading = document.grading as { downgradeProtection?: Record<string, number> };
      grading.downgradeProtection = { days: 60, minimumDaysInTier: 90 };
      const draft = await draftOf(t, document);
      expect((await publish(t, draft.version)).statusCode).toBe(200);
    });

    it('lets a customer fall once it has graded below its tier for 60 days, however few gradings that took', async () => {
      const id = newId();
      await t.grade(id, 'A');
      await t.backdate(id, 200);
      const once = await t.grade(id, 'B');
      expect(once).toMatchObject({ tier: 'A', protection: { days: { count: 0, of: 60 }, daysInTier: { count: 200, of: 90 } } });
      expect(once.protection).not.toHaveProperty('gradings');
      expect(once.explanation[0]).toBe('score 64 would give B; kept A, 0 of 60 days');

      await t.backdate(id, 200, { count: 1, days: 59 });
      expect((await t.grade(id, 'B')).explanation[0]).toBe('score 64 would give B; kept A, 59 of 60 days');
      await t.backdate(id, 200, { count: 2, days: 60 });
      const fallen = await t.grade(id, 'B');
      expect(fallen).toMatchObject({ tier: 'B', score: 64 });
      expect(fallen.protection).toBeUndefined();
    });

    it('stores a standing that changed under a decision that did not: a run rewrites it', async () => {
      const id = newId();
      await t.grade(id, 'A');
      await t.backdate(id, 200);
      const once = await t.grade(id, 'B');
      expect(await t.standing(id)).toMatchObject({ below: { count: 1, since: once.gradedAt } });
      // Graded again the same day: the same decision (0 of 60 days), one more grading below.
      const run = await t.regrade([id]);
      expect(run).toMatchObject({ evaluated: 1, changed: 0, decisionsWritten: 1 });
      const again = await t.decision(id);
      const { gradedAt: _then, cause: _was, ...before } = once;
      const { gradedAt, cause, ...after } = again;
      expect(after).toEqual(before);
      expect(cause).toBe('regrade');
      expect(gradedAt > once.gradedAt).toBe(true);
      expect(await t.standing(id)).toMatchObject({ below: { count: 2, since: once.gradedAt } });
      const logged = await t.db.sql<{ n: number }>('SELECT count(*)::int AS n FROM decision_log WHERE customer_id = $1', [id]);
      expect(logged[0]!.n).toBe(3);
    });
  });
});
