import { describe, expect, it } from 'vitest';
import { compilePolicy, evaluate, lintPolicy, trace, type FactCondition, type PolicyDocument } from '../../src/index.js';
import { all, factCondition, factFactory, policyFactory, tierFactory } from '../../src/testing/policy-factory.js';
import { conformancePolicy, PROBE_TREATMENT } from './conformance-policy.js';
import { plainEngine, runPlainEngine } from './plain-engine.js';

// The disagreements the generated suite found, each pinned by name.

async function answers(condition: FactCondition, record: Record<string, unknown>) {
  const conditions = { all: [condition] };
  const policy = compilePolicy(conformancePolicy(conditions));
  const fast = evaluate(policy, record);
  const slow = await trace(policy, record);
  const plain = await runPlainEngine(plainEngine(conditions), record);
  if (!fast.ok || !slow.ok || 'error' in plain) throw new Error('expected three answers');
  return {
    evaluate: Object.hasOwn(fast.decision.treatments, PROBE_TREATMENT),
    trace: slow.decision,
    fast: fast.decision,
    engine: plain.fired,
  };
}

const RECORD = { customerId: 'c-1', amount: 1, growthPoints: 7 };

describe('facts named after Object.prototype members', () => {
  it.each([
    ['count', 'constructor'],
    ['flag', 'valueOf'],
    ['segment', 'toString'],
    ['since', 'hasOwnProperty'],
    ['note', 'propertyIsEnumerable'],
  ])('an absent %s equals an absent %s, as in json-rules-engine, not the inherited member', async (fact, name) => {
    const result = await answers({ fact, operator: 'equal', value: { fact: name } }, RECORD);
    expect(result).toMatchObject({ evaluate: true, engine: true });
    expect(result.trace).toEqual(result.fast);
  });

  it('grades and explains a tier condition on an absent toString as json-rules-engine does', async () => {
    const document = policyFactory({
      facts: {
        revenue: factFactory({ min: 0, max: 10 }),
        note: factFactory({ type: 'string', required: false }),
        toString: factFactory({ type: 'string', required: false }),
      },
    });
    document.grading.tiers = [tierFactory('A', all(factCondition('note', 'equal', { fact: 'toString' }))), tierFactory('B')];
    const policy = compilePolicy(document);
    const fast = evaluate(policy, { customerId: 'c-1', revenue: 3 });
    const slow = await trace(policy, { customerId: 'c-1', revenue: 3 });
    expect(fast).toMatchObject({
      ok: true,
      decision: { tier: 'A', explanation: ['note is toString (unknown): tier A (tier A)', 'tier A: priority queue'] },
    });
    expect(slow).toMatchObject({ ok: true, decision: fast.ok ? fast.decision : {} });
  });

  it("refuses a fact named '__proto__' in plain words", () => {
    const document = JSON.parse(JSON.stringify(conformancePolicy({ all: [] }))) as PolicyDocument;
    const withProto = JSON.parse(
      JSON.stringify(document).replace('"facts":{', '"facts":{"__proto__":{"type":"number","label":{"en":"Proto"},"required":false},'),
    ) as unknown;
    expect(lintPolicy(withProto)).toEqual([
      {
        severity: 'error',
        code: 'schema',
        path: '/facts/__proto__',
        message: "'__proto__' is not a valid id: start with a letter, then use letters, digits, '-' or '_'",
      },
    ]);
  });
});

describe('a condition with a path compared with another fact', () => {
  it('compares the criterion points the path selects with the other fact, as json-rules-engine does', async () => {
    const condition = { fact: 'points', path: '$.growth', operator: 'equal', value: { fact: 'growthPoints' } };
    expect(await answers(condition, RECORD)).toMatchObject({ evaluate: true, engine: true });
  });
});

describe("'in' and 'notIn' against a fact reference", () => {
  it.each(['in', 'notIn'])("lint refuses '%s' rather than let json-rules-engine search text or throw", (operator) => {
    const findings = lintPolicy(conformancePolicy({ all: [{ fact: 'amount', operator, value: { fact: 'constructor' } }] }));
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([
      {
        severity: 'error',
        code: 'value-type',
        path: '/treatments/0/conditions/all/0/value',
        message: `'${operator}' needs a list of values written out, but 'constructor' holds a single value; compare the two facts with 'equal' or 'notEqual'`,
      },
    ]);
  });
});
