import type { DowngradeProtection, Tier } from '../document.js';
import { errorAt, warningAt, type Finding } from '../finding.js';

const AT = ['grading', 'downgradeProtection'];

/**
 * Downgrade protection must say when a customer falls (after so many gradings,
 * so many days, or both) and rank every tier once; a setting that never holds a
 * customer is worth a warning.
 */
export function lintDowngradeProtection(protection: DowngradeProtection, tiers: readonly Tier[]): Finding[] {
  const findings: Finding[] = [];
  const { gradings, days } = protection;
  if (gradings === undefined && days === undefined) {
    findings.push(
      errorAt(
        'no-downgrade-limit',
        AT,
        "downgrade protection needs 'gradings' (consecutive gradings below its tier before a customer falls), 'days' (days below its tier before it falls), or both",
      ),
    );
  }
  findings.push(...graceWarnings(protection));
  if (protection.ranking) findings.push(...rankingFindings(protection.ranking, tiers));
  return findings;
}

function graceWarnings({ gradings, days, minimumDaysInTier }: DowngradeProtection): Finding[] {
  const noGraceByGradings = gradings === 1;
  const noGraceByDays = days === 0;
  if (!noGraceByGradings && !noGraceByDays) return [];
  const [field, setting] = noGraceByGradings ? (['gradings', 'gradings 1'] as const) : (['days', 'days 0'] as const);
  const other = noGraceByGradings
    ? days !== undefined && days > 0
      ? 'days'
      : undefined
    : gradings !== undefined && gradings > 1
      ? 'gradings'
      : undefined;
  const first = `a customer falls at its first grading below its tier (${setting})`;
  if (other) {
    return [warningAt('no-downgrade-grace', [...AT, field], `${first}, so '${other}' never holds one; remove one of the two`)];
  }
  if (!minimumDaysInTier) {
    return [
      warningAt(
        'no-downgrade-grace',
        [...AT, field],
        `${first} and no 'minimumDaysInTier' is set: protection only limits each fall to one tier`,
      ),
    ];
  }
  return [];
}

function rankingFindings(ranking: readonly string[], tiers: readonly Tier[]): Finding[] {
  const findings: Finding[] = [];
  const ids = tiers.map((tier) => tier.id);
  ranking.forEach((id, i) => {
    if (!ids.includes(id)) {
      findings.push(
        errorAt('unknown-tier', [...AT, 'ranking', i], `the ranking names '${id}', which is not a tier; the tiers are ${ids.join(', ')}`),
      );
    }
  });
  const missing = ids.filter((id, i) => !ranking.includes(id) && ids.indexOf(id) === i);
  if (missing.length > 0) {
    const which = missing.map((id) => `'${id}'`).join(', ');
    findings.push(
      errorAt(
        'unranked-tier',
        [...AT, 'ranking'],
        `the ranking leaves out tier${missing.length > 1 ? 's' : ''} ${which}: list every tier once, from best to worst`,
      ),
    );
  }
  return findings;
}
