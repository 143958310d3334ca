import type { FactCatalogue } from '../catalogue.js';
import type { Tier } from '../document.js';
import { errorAt, warningAt, type Finding } from '../finding.js';
import type { Range } from '../score-range.js';
import { lintCondition } from './condition-lint.js';
import { closed, coveredBy, describe, intersect, isEmpty, scoreInterval, type Interval } from './score-interval.js';

/**
 * Tiers are tried in order and the first match wins, so a tier is dead when an
 * earlier tier already takes every score it could match, or when the scorecard
 * can never award a score it accepts.
 */
export function lintTiers(tiers: readonly Tier[], facts: FactCatalogue, range: Range | undefined): Finding[] {
  const findings: Finding[] = [];
  const earlier: Interval[] = [];
  let catchAll: Tier | undefined;
  tiers.forEach((tier, i) => {
    const path = ['grading', 'tiers', String(i)];
    if (catchAll) {
      findings.push(
        errorAt(
          'unreachable-tier',
          path,
          `tier '${tier.id}' is never reached: tier '${catchAll.id}' before it has no conditions and takes every customer left`,
        ),
      );
      return;
    }
    if (!tier.conditions) {
      catchAll = tier;
      return;
    }
    const conditionFindings = lintCondition(tier.conditions, facts, [...path, 'conditions']);
    findings.push(...conditionFindings);
    const interval = scoreInterval(tier.conditions);
    if (!interval || !range || conditionFindings.length > 0) return;
    const reachable = intersect(interval, closed(range));
    if (isEmpty(reachable)) {
      findings.push(
        errorAt(
          'unreachable-tier',
          [...path, 'conditions'],
          `tier '${tier.id}' is never reached: it needs ${describe(interval)}, but the scorecard awards ${range.min} to ${range.max}`,
        ),
      );
    } else if (coveredBy(reachable, earlier)) {
      findings.push(
        errorAt(
          'unreachable-tier',
          [...path, 'conditions'],
          `tier '${tier.id}' is never reached: every ${describe(interval)} is already taken by an earlier tier`,
        ),
      );
    }
    earlier.push(interval);
  });
  if (!catchAll && !(range && coveredBy(closed(range), earlier))) {
    findings.push(
      warningAt(
        'no-catch-all-tier',
        ['grading', 'tiers'],
        'some customers may match no tier; add a last tier without conditions to catch them',
      ),
    );
  }
  return findings;
}
