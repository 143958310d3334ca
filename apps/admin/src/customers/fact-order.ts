import type { FactDefinition, PolicyDocument } from '@tierwise/policy';

/**
 * The order to show a policy's facts in. The api stores documents as jsonb, which does not keep the
 * author's key order, so the order is derived: facts scored by the scorecard in its (array) order,
 * then the other required facts, then the optional ones, each group by name.
 */
export function orderedFacts(document: Pick<PolicyDocument, 'facts' | 'grading'>): [string, FactDefinition][] {
  const scored = (document.grading.scorecard ?? []).flatMap((criterion) => ('fact' in criterion.points ? [criterion.points.fact] : []));
  const group = (name: string, definition: FactDefinition) => {
    const position = scored.indexOf(name);
    if (position >= 0) return position;
    return scored.length + (definition.required ? 0 : 1);
  };
  return Object.entries(document.facts).sort(([a, left], [b, right]) => group(a, left) - group(b, right) || (a < b ? -1 : a > b ? 1 : 0));
}
