import { beforeAll, describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../document.js';
import { loadPolicyDocument } from '../node/load-policy.js';
import { diffPolicies } from './diff-policies.js';

let seed: PolicyDocument;
beforeAll(async () => {
  seed = (await loadPolicyDocument(new URL('../../../../rules/default', import.meta.url).pathname)) as PolicyDocument;
});

function edited(change: (document: PolicyDocument) => void): PolicyDocument {
  const copy = structuredClone(seed);
  change(copy);
  return copy;
}

const rule = (document: PolicyDocument, id: string) => document.treatments!.find((r) => r.id === id)!;

describe('diffing two policy versions', () => {
  it('finds nothing between equal rules, whatever their version numbers', () => {
    expect(
      diffPolicies(
        seed,
        edited((d) => (d.version = 9)),
      ),
    ).toEqual({ changes: [], summary: [] });
  });

  it('reports a new fact named after an Object.prototype member as new, not as a changed inherited member', () => {
    const after = edited((d) => {
      d.facts['constructor'] = { type: 'number', label: { en: 'Builder' }, required: false };
    });
    const diff = diffPolicies(seed, after);
    expect(diff.summary).toEqual(["new fact 'constructor' (Builder, number)"]);
    expect(diff.changes).toEqual([{ op: 'added', path: '/facts/constructor', after: after.facts['constructor'] }]);
  });

  it('says a tier threshold moved', () => {
    const after = edited((d) => {
      d.grading.tiers[0]!.conditions = { all: [{ fact: 'score', operator: 'greaterThanInclusive', value: 80 }] };
    });
    const diff = diffPolicies(seed, after);
    expect(diff.summary).toEqual(['tier A threshold 75 -> 80']);
    expect(diff.changes).toEqual([{ op: 'changed', path: '/grading/tiers/0/conditions/all/0/value', before: 75, after: 80 }]);
  });

  it('names a new treatment rule by its label, as one addition', () => {
    const after = edited((d) => {
      d.treatments!.splice(1, 0, {
        id: 'dormant-fee',
        label: { en: 'fee for dormant accounts' },
        priority: 10,
        conditions: { all: [{ fact: 'balance', operator: 'lessThan', value: 100 }] },
        treatments: [{ type: 'fee', params: { amount: 10, currency: 'HKD', period: 'month' } }],
        explanation: 'dormant account: monthly fee HKD 10',
      });
    });
    const diff = diffPolicies(seed, after);
    expect(diff.summary).toEqual(["new treatment rule 'fee for dormant accounts'"]);
    expect(diff.changes).toEqual([expect.objectContaining({ op: 'added', path: '/treatments/1' })]);
  });

  it('reports a removed rule, a priority, a treatment parameter and a condition value', () => {
    const after = edited((d) => {
      d.treatments = d.treatments!.filter((r) => r.id !== 'blacklist-overdue');
      rule(d, 'key-account').priority = 20;
      rule(d, 'ordinary-service').treatments[0]!.params['callbackWithinHours'] = 12;
      rule(d, 'small-account-fee').conditions = {
        all: [
          { fact: 'tier', operator: 'equal', value: 'C' },
          { fact: 'balance', operator: 'lessThan', value: 10000 },
          { fact: 'upgradePotential', operator: 'equal', value: false },
        ],
      };
    });
    expect(diffPolicies(seed, after).summary).toEqual([
      "treatment rule 'Key account service' priority 10 -> 20",
      "treatment rule 'Ordinary service with callback': queue callbackWithinHours 24 -> 12",
      "treatment rule 'Monthly fee on small accounts': balance lessThan 5000 -> 10000",
      "treatment rule 'Over 180 days overdue' removed",
    ]);
  });

  it('reports fact ranges, allowed values and scorecard points', () => {
    const after = edited((d) => {
      d.facts['strength']!.max = 20;
      d.facts['nature']!.enum!.push('ngo');
      const nature = d.grading.scorecard![0]!;
      if ('bands' in nature.points)
        nature.points.bands = [
          ...nature.points.bands.slice(0, 1),
          { values: ['joint-stock', 'ngo'], points: 12 },
          ...nature.points.bands.slice(2),
        ];
      d.grading.scorecard![1]!.max = 20;
    });
    expect(diffPolicies(seed, after).summary).toEqual([
      "fact 'nature' now allows ngo",
      "fact 'strength' max 15 -> 20",
      "criterion 'nature': how points are awarded changed",
      "criterion 'strength' maximum 15 -> 20",
    ]);
  });

  it('says which value band changed its points', () => {
    const after = edited((d) => {
      const nature = d.grading.scorecard![0]!;
      if ('bands' in nature.points) nature.points.bands[1]!.points = 12;
    });
    expect(diffPolicies(seed, after).summary).toEqual(["criterion 'nature': joint-stock 10 -> 12 points"]);
  });

  it('notices a new tier and a change of tier order', () => {
    const after = edited((d) => {
      const [a, b, c] = d.grading.tiers;
      d.grading.tiers = [
        b!,
        a!,
        { id: 'D', label: { en: 'dropped' }, conditions: { all: [{ fact: 'blacklisted', operator: 'equal', value: true }] } },
        c!,
      ];
    });
    const diff = diffPolicies(seed, after);
    expect(diff.summary).toEqual(['new tier D (dropped)', 'tier order A, B, C -> B, A, D, C']);
    expect(diff.changes).toContainEqual({ op: 'moved', path: '/grading/tiers', before: ['A', 'B', 'C'], after: ['B', 'A', 'C'] });
  });

  it('says downgrade protection was added, changed or removed', () => {
    const added = edited((d) => (d.grading.downgradeProtection = { gradings: 2, days: 60, minimumDaysInTier: 90 }));
    expect(diffPolicies(seed, added).summary).toEqual([
      'downgrade protection added: a customer falls one tier after 2 gradings or 60 days below its tier, after at least 90 days in it',
    ]);
    const changed = edited((d) => (d.grading.downgradeProtection = { gradings: 3, minimumDaysInTier: 90, ranking: ['A', 'B', 'C'] }));
    expect(diffPolicies(added, changed).summary).toEqual([
      'downgrade protection gradings 2 -> 3',
      'downgrade protection days 60 -> none',
      'downgrade protection ranking none -> A, B, C',
    ]);
    expect(diffPolicies(changed, seed).summary).toEqual([
      'downgrade protection removed: customers fall as soon as the rules give a lower tier',
    ]);
  });
});
