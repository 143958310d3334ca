import type { PolicyDocument } from '@tierwise/policy';
import { loadPolicyDocument } from '@tierwise/policy/node';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { orderedFacts } from './fact-order';

const SEED_POLICY = fileURLToPath(new URL('../../../../rules/default', import.meta.url));

describe('orderedFacts', () => {
  it('shows the shipped policy in scorecard order, then the optional facts by name, whatever order the keys come in', async () => {
    const document = (await loadPolicyDocument(SEED_POLICY)) as PolicyDocument;
    // As jsonb gives them back: shorter keys first.
    const shuffled = Object.fromEntries(Object.entries(document.facts).sort(([a], [b]) => a.length - b.length || a.localeCompare(b)));
    expect(orderedFacts({ ...document, facts: shuffled }).map(([name]) => name)).toEqual([
      'nature',
      'strength',
      'growth',
      'profitContribution',
      'relationship',
      'strategicImportance',
      'balance',
      'blacklisted',
      'daysOverdue',
      'upgradePotential',
    ]);
  });

  it('puts required facts no criterion scores before the optional ones', () => {
    const label = { en: 'x' };
    const document = {
      facts: {
        zeta: { type: 'number', label, required: true },
        alpha: { type: 'number', label },
        scored: { type: 'number', label },
      },
      grading: { scorecard: [{ id: 'c', label, max: 10, points: { fact: 'scored' } }], tiers: [{ id: 'A', label }] },
    } satisfies Pick<PolicyDocument, 'facts' | 'grading'>;
    expect(orderedFacts(document).map(([name]) => name)).toEqual(['scored', 'zeta', 'alpha']);
  });
});
