import type { TopLevelCondition } from '@tierwise/policy';

// A tier whose whole condition is `score >= N` is shown as a number; anything else goes to the condition builder.

export function thresholdOf(conditions: TopLevelCondition | undefined): number | string | undefined {
  if (!conditions || !('all' in conditions) || !Array.isArray(conditions.all) || conditions.all.length !== 1) return undefined;
  if (Object.keys(conditions).length !== 1) return undefined;
  const only = conditions.all[0];
  if (!only || !('fact' in only) || Object.keys(only).length !== 3) return undefined;
  if (only.fact !== 'score' || only.operator !== 'greaterThanInclusive') return undefined;
  return typeof only.value === 'number' || typeof only.value === 'string' ? only.value : undefined;
}

export function thresholdConditions(value: number | string): TopLevelCondition {
  return { all: [{ fact: 'score', operator: 'greaterThanInclusive', value: value as number }] };
}
