import { show } from './compile/describe-condition.js';
import type { ConditionalPoints } from './document.js';

// How a breakdown line says why its criterion awarded what it did; shared by
// both evaluators so their decisions match word for word.

export function factReason(fact: string, value: unknown): string {
  return `${fact} is ${show(value)}`;
}

export function ruleReason(rule: ConditionalPoints): string {
  return rule.reason ?? `'${rule.id}' applies`;
}

export const NO_RULE_REASON = 'no rule applies';
