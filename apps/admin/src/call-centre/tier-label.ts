import type { StoredDecision } from './stored-decision';

/**
 * The tier's label as the decision itself states it: the explanation's tier line reads
 * "... : tier A (key customer)" or "tier A (key customer) set by hand: ...". The call-centre
 * screen uses this because agents may not read policies; undefined when no line names the tier.
 */
export function tierLabelFromExplanation(decision: Pick<StoredDecision, 'tier' | 'explanation'>): string | undefined {
  const { tier } = decision;
  if (tier === null) return undefined;
  const named = new RegExp(`\\btier ${escapeRegExp(tier)} \\(([^)]+)\\)`);
  for (const line of decision.explanation) {
    const match = named.exec(line);
    if (match) return match[1];
  }
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
