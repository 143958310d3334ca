import type { AllCondition, AnyCondition, Condition, FactCondition, NotCondition, TopLevelCondition } from '@tierwise/policy';
import { ALL_COMBINATOR, ANY_COMBINATOR, type PolicyRule, type PolicyRuleGroup } from './policy-query';

// json-rules-engine conditions -> react-querybuilder query. A direct tree mapping: formatQuery
// has no json-rules-engine format and would drop path, params, names and fact references.

type Named = { name?: string };

/** The query for a top-level condition (all, any or not); `toConditions` turns it back. */
export function toRuleGroup(condition: TopLevelCondition): PolicyRuleGroup {
  const item = toRuleOrGroup(condition);
  // The query's root is always a group; a bare fact condition (not a valid top level) comes back under `all`.
  return 'rules' in item ? item : { combinator: ALL_COMBINATOR, rules: [item] };
}

function toRuleOrGroup(condition: Condition): PolicyRule | PolicyRuleGroup {
  if ('all' in condition) return groupOf(condition, ALL_COMBINATOR, condition.all);
  if ('any' in condition) return groupOf(condition, ANY_COMBINATOR, condition.any);
  if ('not' in condition) return negated(condition);
  return ruleOf(condition);
}

function groupOf(condition: (AllCondition | AnyCondition) & Named, combinator: string, children: Condition[]): PolicyRuleGroup {
  const group: PolicyRuleGroup = { combinator, rules: children.map(toRuleOrGroup) };
  if (condition.name !== undefined) group.name = condition.name;
  return group;
}

function negated(condition: NotCondition & Named): PolicyRuleGroup {
  const inner = condition.not as Condition & Named;
  const group: PolicyRuleGroup =
    'all' in inner || 'any' in inner
      ? { ...groupOf(inner, 'all' in inner ? ALL_COMBINATOR : ANY_COMBINATOR, 'all' in inner ? inner.all : inner.any), not: true }
      : { combinator: ALL_COMBINATOR, rules: [toRuleOrGroup(inner)], not: true, negatesOne: true };
  if (condition.name !== undefined) group.notName = condition.name;
  return group;
}

function ruleOf(condition: FactCondition & Named): PolicyRule {
  const { fact, operator, value } = condition;
  const isReference = typeof value === 'object' && value !== null && !Array.isArray(value);
  const rule: PolicyRule = isReference
    ? { field: fact, operator, value: value.fact, valueSource: 'field' }
    : { field: fact, operator, value: Array.isArray(value) ? [...value] : value };
  if (condition.path !== undefined) rule.factPath = condition.path;
  if (condition.params !== undefined) rule.params = structuredClone(condition.params);
  if (condition.name !== undefined) rule.name = condition.name;
  return rule;
}
