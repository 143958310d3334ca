import type { Treatment, TreatmentRule } from './document.js';

export interface ResolvedTreatments {
  treatments: Record<string, Readonly<Record<string, unknown>>>;
  /** Rules that gave at least one surviving treatment, highest priority first. */
  contributing: TreatmentRule[];
}

/**
 * The conflict rule: a rule's `suppress` list removes those treatment types
 * ("*" removes every type the rule does not give itself); of what is left, one
 * treatment per type survives, the one from the highest-priority rule (the
 * earlier rule in the document on a tie). `fired` must be in that order.
 */
export function resolveTreatments(fired: readonly TreatmentRule[]): ResolvedTreatments {
  const suppressed = new Set<string>();
  for (const rule of fired) {
    if (!rule.suppress) continue;
    for (const type of rule.suppress) {
      if (type !== '*') suppressed.add(type);
      else for (const other of fired) for (const t of other.treatments) if (!gives(rule, t.type)) suppressed.add(t.type);
    }
  }
  const treatments: Record<string, Readonly<Record<string, unknown>>> = {};
  const contributing: TreatmentRule[] = [];
  for (const rule of fired) {
    let contributed = false;
    for (const treatment of rule.treatments) {
      if (suppressed.has(treatment.type) || treatment.type in treatments) continue;
      treatments[treatment.type] = treatment.params;
      contributed = true;
    }
    if (contributed) contributing.push(rule);
  }
  return { treatments, contributing };
}

function gives(rule: TreatmentRule, type: Treatment['type']): boolean {
  return rule.treatments.some((treatment) => treatment.type === type);
}

/** Highest priority first; document order breaks ties. */
export function byPriority(rules: readonly TreatmentRule[]): TreatmentRule[] {
  return rules
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => b.rule.priority - a.rule.priority || a.index - b.index)
    .map(({ rule }) => rule);
}
