import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerFacts } from './support/customer.factory.js';
import { call, draftOf, policyVariant, publish, seedDocument, testVersion, type PolicyDocument } from './support/policies-helpers.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Issue 6, point 2 over HTTP: a condition the compiled evaluator and
// json-rules-engine could not agree on is a lint error the routes report, never a
// 500; and the test panel (trace) and a decision (evaluate) agree on facts named
// after Object.prototype members.

const PROBLEM = /^application\/problem\+json/;

function withTreatmentRule(document: PolicyDocument, rule: Record<string, unknown>): PolicyDocument {
  return policyVariant(document, (copy) => {
    copy.treatments = [...(copy.treatments ?? []), rule];
  });
}

describe('policy conditions the two evaluators could disagree on, over HTTP', () => {
  let t: TestApp;
  let seed: PolicyDocument;

  beforeAll(async () => {
    t = await startTestApp();
    seed = await seedDocument(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each(['in', 'notIn'])(
    "a draft comparing with '%s' against another fact is a lint error: test, evaluate and publish answer 4xx problem+json, not 500",
    async (operator) => {
      const message = `'${operator}' needs a list of values written out, but 'strength' holds a single value; compare the two facts with 'equal' or 'notEqual'`;
      const draft = await draftOf(
        t,
        withTreatmentRule(seed, {
          id: 'balance-in-strength',
          label: { en: 'Balance among strength' },
          priority: 5,
          conditions: { all: [{ fact: 'balance', operator, value: { fact: 'strength' } }] },
          treatments: [{ type: 'queue', params: { priority: 9 } }],
          explanation: 'balance is among strength',
        }),
      );
      const at = `/treatments/${seed.treatments!.length}/conditions/all/0/value`;
      expect(draft.lintFindings).toContainEqual(expect.objectContaining({ severity: 'error', path: at, message }));

      const tested = await testVersion(t, draft.version, { facts: customerFacts('B') });
      expect(tested.statusCode).toBe(422);
      expect(tested.headers['content-type']).toMatch(PROBLEM);
      expect(tested.json()).toMatchObject({
        code: 'policy-has-lint-errors',
        errors: expect.arrayContaining([expect.objectContaining({ message })]),
      });

      const evaluated = await call(t, 'agent', 'POST', '/api/v1/decisions/evaluate', {
        facts: customerFacts('B'),
        policyVersion: draft.version,
      });
      expect(evaluated.statusCode).toBe(409);
      expect(evaluated.headers['content-type']).toMatch(PROBLEM);
      expect(evaluated.json()).toMatchObject({ code: 'policy-not-evaluable', errors: [{ path: at, message }] });

      const published = await publish(t, draft.version);
      expect(published.statusCode).toBe(422);
      expect(published.json()).toMatchObject({ code: 'policy-has-lint-errors' });
    },
  );

  it("the test panel and a decision agree when an absent fact is named 'constructor'", async () => {
    const document = withTreatmentRule(
      policyVariant(seed, (copy) => {
        copy.facts['constructor'] = { type: 'number', label: { en: 'Builder code' }, required: false };
        copy.facts['overdraft'] = { type: 'number', label: { en: 'Overdraft' }, required: false };
      }),
      {
        id: 'overdraft-matches-builder',
        label: { en: 'Overdraft matches builder code' },
        priority: 5,
        // Both absent: json-rules-engine compares undefined with undefined, which holds.
        conditions: { all: [{ fact: 'overdraft', operator: 'equal', value: { fact: 'constructor' } }] },
        treatments: [{ type: 'fee', params: { amount: 40, currency: 'HKD', period: 'month' } }],
        explanation: 'overdraft matches the builder code',
      },
    );
    const draft = await draftOf(t, document);
    expect(draft.lint.errors).toBe(0);

    const tested = await testVersion(t, draft.version, { facts: customerFacts('B') });
    expect(tested.statusCode).toBe(200);
    const evaluated = await call(t, 'agent', 'POST', '/api/v1/decisions/evaluate', {
      facts: customerFacts('B'),
      policyVersion: draft.version,
    });
    expect(evaluated.statusCode).toBe(200);
    const panel = tested.json<{ decision: { treatments: Record<string, unknown> } }>().decision;
    const decision = evaluated.json<{ treatments: Record<string, unknown>; explanation: string[] }>();
    expect(Object.keys(panel.treatments)).toContain('fee');
    expect(decision.treatments).toEqual(panel.treatments);
    expect(decision.explanation).toContain('overdraft matches the builder code');
  });
});
