import type { Condition, FactCondition, FactValue, TopLevelCondition } from '@tierwise/policy';
import { ANY_COMBINATOR, isPolicyRuleGroup, type PolicyRule, type PolicyRuleGroup } from './policy-query';

// react-querybuilder query -> json-rules-engine conditions, the inverse of toRuleGroup.
// react-querybuilder's own bookkeeping (id, path, disabled, valueSource 'value') is dropped.

type Named = { name?: string };

export function toConditions(group: PolicyRuleGroup): TopLevelCondition {
  // The root is a group, so this is an all, any or not condition.
  return conditionOfGroup(group) as TopLevelCondition;
}

function conditionOf(item: PolicyRule | PolicyRuleGroup): Condition {
  return isPolicyRuleGroup(item) ? conditionOfGroup(item) : conditionOfRule(item);
}

function conditionOfGroup(group: PolicyRuleGroup): Condition {
  const children = group.rules.map(conditionOf);
  if (group.not) {
    const only = children[0];
    // A negation of one condition stays `{not: condition}` while the user leaves it at one rule.
    const inner: Condition & Named =
      group.negatesOne && children.length === 1 && only ? only : withName(junction(group.combinator, children), group.name);
    return withName({ not: inner }, group.notName);
  }
  return withName(junction(group.combinator, children), group.name);
}

function junction(combinator: string, children: Condition[]): Condition {
  return combinator.toLowerCase() === ANY_COMBINATOR ? { any: children } : { all: children };
}

function conditionOfRule(rule: PolicyRule): FactCondition & Named {
  const value: unknown = rule.value;
  const condition: FactCondition & Named = {
    fact: rule.field,
    operator: rule.operator,
    value:
      rule.valueSource === 'field' ? { fact: String(value) } : Array.isArray(value) ? [...(value as FactValue[])] : (value as FactValue),
  };
  if (rule.factPath !== undefined) condition.path = rule.factPath;
  if (rule.params !== undefined) condition.params = structuredClone(rule.params);
  if (rule.name !== undefined) condition.name = rule.name;
  return condition;
}

function withName<T extends object>(condition: T, name: string | undefined): T & Named {
  return name === undefined ? condition : { ...condition, name };
}
