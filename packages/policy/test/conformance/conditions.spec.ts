import { describe, expect, it } from 'vitest';
import { compilePolicy, evaluate, lintPolicy, trace, type Finding } from '../../src/index.js';
import { conditionCases, type ConditionCase } from './condition-cases.js';
import { conformancePolicy, expectedScope, PROBE_TREATMENT } from './conformance-policy.js';
import { edgeRecords } from './edge-records.js';
import { engineFacts, plainEngine, runPlainEngine } from './plain-engine.js';

// The promise of the policy language: a condition lint accepts means the same to
// the compiled evaluator (`evaluate`), to `trace` (json-rules-engine inside the
// policy package) and to a bare json-rules-engine Engine built from the rule's
// JSON; a condition they could disagree on, or that would throw, lint refuses in
// words a business user can act on.

const CASES = conditionCases();
const verdicts = new Map<ConditionCase, Finding[]>(CASES.map((testCase) => [testCase, errorsOf(testCase)]));
const ACCEPTED = CASES.filter((testCase) => verdicts.get(testCase)!.length === 0);

function errorsOf(testCase: ConditionCase): Finding[] {
  return lintPolicy(conformancePolicy(testCase.conditions)).filter((finding) => finding.severity === 'error');
}

// What a business user should never read in a lint message.
const NOT_PLAIN = /undefined|NaN|Infinity|\[object|function|=>|TypeError|\bnull\b/;

describe('conformance: conditions across operators, value kinds and fact types', () => {
  it('lint accepts exactly the conditions the language gives a meaning to', () => {
    const wrong = CASES.filter((testCase) => (verdicts.get(testCase)!.length === 0) !== testCase.accept).map((testCase) => ({
      condition: testCase.description,
      expected: testCase.accept ? 'accepted' : 'refused',
      errors: verdicts.get(testCase)!.map((finding) => finding.message),
    }));
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(wrong).toHaveLength(0);
  });

  it('refuses each condition it refuses at the condition, in plain words', () => {
    const unplain: unknown[] = [];
    for (const testCase of CASES) {
      for (const finding of verdicts.get(testCase)!) {
        const atCondition = finding.path.startsWith('/treatments/0/conditions');
        if (!atCondition || NOT_PLAIN.test(finding.message) || finding.message.length < 15) {
          unplain.push({ condition: testCase.description, path: finding.path, message: finding.message });
        }
      }
    }
    expect(unplain.slice(0, 5)).toEqual([]);
    expect(unplain).toHaveLength(0);
  });

  it('evaluate, trace and a plain json-rules-engine Engine agree on every edge record of every accepted condition', async () => {
    const disagreements: unknown[] = [];
    let runs = 0;
    for (const [index, testCase] of ACCEPTED.entries()) {
      const policy = compilePolicy(conformancePolicy(testCase.conditions));
      const engine = plainEngine(testCase.conditions);
      for (const record of edgeRecords(testCase, index)) {
        runs += 1;
        const report = (problem: string, detail: object = {}) =>
          disagreements.push({ condition: testCase.description, record, problem, ...detail });
        let fast: ReturnType<typeof evaluate>;
        try {
          fast = evaluate(policy, record);
        } catch (error) {
          report('evaluate threw', { error: String(error) });
          continue;
        }
        let slow: Awaited<ReturnType<typeof trace>>;
        try {
          slow = await trace(policy, record);
        } catch (error) {
          report('trace threw', { error: String(error) });
          continue;
        }
        const plain = await runPlainEngine(engine, record);
        if (!fast.ok || !slow.ok) {
          report('a valid record was refused', { fast, slow });
          continue;
        }
        if ('error' in plain) {
          report('json-rules-engine threw on a condition lint accepted', { error: plain.error });
          continue;
        }
        const scope = expectedScope(engineFacts(record));
        const fired = {
          evaluate: Object.hasOwn(fast.decision.treatments, PROBE_TREATMENT),
          trace: slow.trace.find((rule) => rule.stage === 'treatment')?.result,
          engine: plain.fired,
        };
        if (fired.evaluate !== fired.trace || fired.evaluate !== fired.engine) report('the probe fired differently', { fired });
        if (JSON.stringify(fast.decision) !== JSON.stringify(slow.decision)) {
          report('evaluate and trace decided differently', { evaluate: fast.decision, trace: slow.decision });
        }
        if (fast.decision.score !== scope.score || fast.decision.tier !== scope.tier) {
          report('the policy gave the scope facts other values than the plain Engine got', { decision: fast.decision, scope });
        }
      }
    }
    expect(disagreements.slice(0, 3)).toEqual([]);
    expect(disagreements).toHaveLength(0);
    // Enough runs to mean something, few enough for CI.
    expect(runs).toBeGreaterThan(2_000);
    expect(runs).toBeLessThan(8_000);
  });

  it('tries every operator with literals, lists, fact references and paths on every fact type', () => {
    const tried = new Set(ACCEPTED.map((testCase) => `${testCase.operator} ${testCase.valueKind} ${testCase.left?.kind ?? ''}`));
    const expected: string[] = [];
    for (const kind of ['number', 'date']) {
      for (const operator of ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'equal', 'notEqual']) {
        expected.push(`${operator} literal ${kind}`, `${operator} fact ${kind}`);
      }
    }
    for (const kind of ['number', 'date', 'boolean', 'string']) {
      for (const operator of ['equal', 'notEqual']) expected.push(`${operator} literal ${kind}`, `${operator} fact ${kind}`);
      for (const operator of ['in', 'notIn']) expected.push(`${operator} list ${kind}`);
    }
    for (const operator of ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'equal', 'notEqual']) {
      expected.push(`${operator} condition path number`);
    }
    expect([...expected].filter((combination) => !tried.has(combination))).toEqual([]);
    const slots = new Set(ACCEPTED.map((testCase) => testCase.left?.name));
    expect([...slots]).toEqual(
      expect.arrayContaining(['score', 'tier', 'points $.growth', 'points $.constructor', 'constructor', 'toString']),
    );
  });
});
