import type { RuleGroupType, RuleType } from 'react-querybuilder';

// The react-querybuilder shape of a policy condition. Everything json-rules-engine carries that
// react-querybuilder has no slot for rides along in extra properties, so nothing is lost on the way back.

/** One fact condition: `field` is the fact, `operator` the json-rules-engine operator, verbatim. */
export interface PolicyRule extends RuleType {
  /** json-rules-engine's `path` (e.g. `$.growth` on the `points` fact); react-querybuilder's own `path` is its tree position. */
  factPath?: string;
  params?: Record<string, unknown>;
  name?: string;
}

/** `all` (combinator `and`) or `any` (`or`); `not: true` for a negated group. */
export interface PolicyRuleGroup extends RuleGroupType<PolicyRule> {
  name?: string;
  /** The `name` of the `not` wrapper, when the negated condition and its wrapper both carry one. */
  notName?: string;
  /**
   * Set when `not` wraps a single condition directly (`{"not": {fact...}}`) rather than an
   * all/any group: the one-rule group exists only to hold the negation.
   */
  negatesOne?: boolean;
  rules: (PolicyRule | PolicyRuleGroup)[];
}

export const ALL_COMBINATOR = 'and';
export const ANY_COMBINATOR = 'or';

export function isPolicyRuleGroup(item: PolicyRule | PolicyRuleGroup): item is PolicyRuleGroup {
  return 'rules' in item && Array.isArray(item.rules);
}
