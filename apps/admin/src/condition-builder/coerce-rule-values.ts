import { LIST_OPERATORS, type PolicyField } from './builder-fields';
import { isPolicyRuleGroup, type PolicyRule, type PolicyRuleGroup } from './policy-query';

// Inputs give text: "5000" for a number, "B, C" for a list. A rule the user has just edited gets
// values of its fact's type; rules the user did not touch keep exactly what the policy says.

export function coerceEditedRules(
  query: PolicyRuleGroup,
  untouched: ReadonlySet<object>,
  fields: ReadonlyMap<string, PolicyField>,
): PolicyRuleGroup {
  if (untouched.has(query)) return query;
  return {
    ...query,
    rules: query.rules.map((item) => {
      if (isPolicyRuleGroup(item)) return coerceEditedRules(item, untouched, fields);
      return untouched.has(item) ? item : coerceRule(item, fields.get(item.field));
    }),
  };
}

export function objectsIn(query: PolicyRuleGroup, into = new Set<object>()): Set<object> {
  into.add(query);
  for (const item of query.rules) {
    if (isPolicyRuleGroup(item)) objectsIn(item, into);
    else into.add(item);
  }
  return into;
}

function coerceRule(rule: PolicyRule, field: PolicyField | undefined): PolicyRule {
  if (!field || rule.valueSource === 'field') return rule;
  const value: unknown = rule.value;
  if (LIST_OPERATORS.has(rule.operator)) {
    const items: unknown[] = Array.isArray(value)
      ? value
      : typeof value === 'string'
        ? value.split(',').map((item) => item.trim())
        : [value];
    return { ...rule, value: items.filter((item) => item !== '').map((item) => coerceOne(item, field)) };
  }
  return { ...rule, value: coerceOne(Array.isArray(value) ? value[0] : value, field) };
}

function coerceOne(value: unknown, field: PolicyField): unknown {
  if (typeof value !== 'string') return value;
  if (field.kind === 'number') {
    const number = Number(value);
    return value.trim() !== '' && Number.isFinite(number) ? number : value;
  }
  if (field.kind === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}
