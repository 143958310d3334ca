import { describe, expect, it } from 'vitest';
import type { ConditionTrace, RuleTrace } from './policy-types';
import { traceTree, type TraceNode } from './trace-tree';

const condition = (path: string, result: boolean | null, fact = 'score'): ConditionTrace => ({
  path,
  fact,
  operator: 'greaterThanInclusive',
  value: 75,
  factValue: 78,
  result,
});

const shape = (node: TraceNode): unknown =>
  node.kind === 'condition'
    ? `${node.condition.fact}:${String(node.condition.result)}`
    : { [node.operator]: node.children.map(shape), result: node.result };

describe('traceTree', () => {
  it('nests the flat trace again as the rule is written: all / any / not', () => {
    const rule: RuleTrace = {
      stage: 'treatment',
      path: '/treatments/2',
      result: true,
      conditions: [
        condition('/treatments/2/conditions/all/0', true, 'tier'),
        condition('/treatments/2/conditions/all/1/any/0', false, 'balance'),
        condition('/treatments/2/conditions/all/1/any/1', true, 'upgradePotential'),
        condition('/treatments/2/conditions/all/2/not', false, 'blacklisted'),
      ],
    };
    expect(shape(traceTree(rule)!)).toEqual({
      all: ['tier:true', { any: ['balance:false', 'upgradePotential:true'], result: true }, { not: ['blacklisted:false'], result: true }],
      result: true,
    });
  });

  it('derives a group result from its children, null where json-rules-engine short-circuited', () => {
    const rule: RuleTrace = {
      stage: 'tier',
      path: '/grading/tiers/0',
      result: false,
      conditions: [condition('/grading/tiers/0/conditions/any/0', null), condition('/grading/tiers/0/conditions/any/1', false)],
    };
    expect(traceTree(rule)).toMatchObject({ operator: 'any', result: null });
    const failed = {
      ...rule,
      conditions: [condition('/grading/tiers/0/conditions/all/0', false), condition('/grading/tiers/0/conditions/all/1', null)],
    };
    expect(traceTree(failed)).toMatchObject({ operator: 'all', result: false });
  });

  it('answers null for a rule without fact conditions (the catch-all tier)', () => {
    expect(traceTree({ stage: 'tier', path: '/grading/tiers/2', result: true, conditions: [] })).toBeNull();
  });

  it('keeps two groups of the same kind at different places apart', () => {
    const rule: RuleTrace = {
      stage: 'tier',
      path: '/grading/tiers/1',
      result: false,
      conditions: [
        condition('/grading/tiers/1/conditions/any/0/all/0', true, 'a'),
        condition('/grading/tiers/1/conditions/any/1/all/0', false, 'b'),
      ],
    };
    expect(shape(traceTree(rule)!)).toEqual({
      any: [
        { all: ['a:true'], result: true },
        { all: ['b:false'], result: false },
      ],
      result: true,
    });
  });
});
