import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasErrors } from '../finding.js';
import { loadPolicyDocument } from '../node/load-policy.js';
import {
  all,
  factCondition,
  factFactory,
  policyFactory,
  scoreAtLeast,
  tierFactory,
  treatmentRuleFactory,
} from '../testing/policy-factory.js';
import { lintPolicy } from './lint-policy.js';

const RULES = fileURLToPath(new URL('../../../../rules/', import.meta.url));

describe('lintPolicy', () => {
  it.each(['default', 'examples/abc-pareto', 'examples/value-matrix', 'examples/downgrade-protection'])(
    'passes the shipped policy %s with zero findings',
    async (name) => {
      expect(lintPolicy(await loadPolicyDocument(RULES + name))).toEqual([]);
    },
  );

  it('passes the minimal test policy with zero findings', () => {
    expect(lintPolicy(policyFactory())).toEqual([]);
  });

  it('reports only the schema problem when the shape is wrong', () => {
    const findings = lintPolicy({ id: 'x', name: { en: 'x' }, facts: {}, grading: { tiers: [] } });

    expect(findings.map((finding) => finding.code)).toEqual(['schema', 'schema']);
  });

  it('reports problems from every part of the policy in one call', () => {
    const document = policyFactory();
    document.facts['headcount'] = factFactory({ type: 'integer', min: 5, max: 1 });
    document.grading.tiers = [tierFactory('A', scoreAtLeast(11)), tierFactory('B')];
    document.treatments = [treatmentRuleFactory({ conditions: all(factCondition('tier', 'equal', 'D')) })];

    const findings = lintPolicy(document);

    expect(findings.map((finding) => [finding.code, finding.path])).toEqual([
      ['invalid-fact-definition', '/facts/headcount/min'],
      ['unreachable-tier', '/grading/tiers/0/conditions'],
      ['unknown-tier', '/treatments/0/conditions/all/0/value'],
    ]);
    expect(hasErrors(findings)).toBe(true);
  });

  it('lets warnings through hasErrors', () => {
    const document = policyFactory();
    document.grading.tiers = [tierFactory('A', scoreAtLeast(5))];

    const findings = lintPolicy(document);

    expect(findings.map((finding) => finding.severity)).toEqual(['warning']);
    expect(hasErrors(findings)).toBe(false);
  });
});
