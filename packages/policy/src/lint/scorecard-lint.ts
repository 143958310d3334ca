import type { CatalogueFact, FactCatalogue } from '../catalogue.js';
import type { Criterion, NumberBand, ValueBand } from '../document.js';
import { errorAt, warningAt, type Finding } from '../finding.js';
import { pointsRange } from '../score-range.js';
import { lintCondition } from './condition-lint.js';

export function lintScorecard(scorecard: readonly Criterion[], facts: FactCatalogue): Finding[] {
  return scorecard.flatMap((criterion, i) => lintCriterion(criterion, facts, ['grading', 'scorecard', String(i)]));
}

function lintCriterion(criterion: Criterion, facts: FactCatalogue, path: string[]): Finding[] {
  const source = criterion.points;
  if ('rules' in source) {
    return source.rules
      .flatMap((rule, i) => [
        ...lintCondition(rule.conditions, facts, [...path, 'points', 'rules', String(i), 'conditions']),
        ...pointsAboveMax(criterion, rule.points, [...path, 'points', 'rules', String(i), 'points']),
      ])
      .concat(pointsAboveMax(criterion, source.otherwise ?? 0, [...path, 'points', 'otherwise']));
  }
  const fact = facts.get(source.fact);
  if (!fact || fact.origin === 'score' || fact.origin === 'tier') {
    return [
      errorAt(
        'unknown-fact',
        [...path, 'points', 'fact'],
        `criterion '${criterion.id}' takes its points from unknown fact '${source.fact}'`,
      ),
    ];
  }
  if (!fact.required && fact.default === undefined) {
    return [
      errorAt(
        'optional-fact-in-scorecard',
        [...path, 'points', 'fact'],
        `criterion '${criterion.id}' scores '${fact.name}', which may be missing; make '${fact.name}' required or give it a default`,
      ),
    ];
  }
  if ('bands' in source) return lintBands(criterion, fact, source.bands, [...path, 'points', 'bands']);
  return lintDirectPoints(criterion, fact, path);
}

function lintDirectPoints(criterion: Criterion, fact: CatalogueFact, path: string[]): Finding[] {
  const at = [...path, 'points', 'fact'];
  if (fact.type !== 'number' && fact.type !== 'integer') {
    return [errorAt('value-type', at, `criterion '${criterion.id}' counts '${fact.name}' as points, but it is ${fact.type}; use bands`)];
  }
  const range = pointsRange(criterion, new Map([[fact.name, fact]]));
  if (!Number.isFinite(range.max)) {
    return [
      errorAt(
        'points-above-max',
        at,
        `criterion '${criterion.id}' counts '${fact.name}' as points, but '${fact.name}' has no maximum; give it a max of at most ${criterion.max} or use bands`,
      ),
    ];
  }
  const findings = pointsAboveMax(criterion, range.max, at);
  if (!Number.isFinite(range.min)) {
    findings.push(
      warningAt('points-above-max', at, `'${fact.name}' has no minimum, so criterion '${criterion.id}' can subtract any number of points`),
    );
  }
  return findings;
}

function lintBands(criterion: Criterion, fact: CatalogueFact, bands: readonly (NumberBand | ValueBand)[], path: string[]): Finding[] {
  const findings = bands.flatMap((band, i) => pointsAboveMax(criterion, band.points, [...path, String(i), 'points']));
  const valueBands = bands.every((band) => 'values' in band);
  const numberBands = bands.every((band) => !('values' in band));
  if (fact.allowed && valueBands) return findings.concat(lintValueBands(criterion, fact, bands, path));
  if (!fact.allowed && numberBands && fact.type !== 'string') {
    return findings.concat(lintNumberBands(criterion, fact, bands, path));
  }
  if (fact.type === 'string' && !fact.allowed) {
    return findings.concat(
      errorAt(
        'value-type',
        path,
        `'${fact.name}' is free text, so criterion '${criterion.id}' cannot band it; give '${fact.name}' an enum of values`,
      ),
    );
  }
  const wanted = fact.allowed ? 'value bands ({ "values": [...] })' : 'number bands ({ "atLeast", "below" })';
  return findings.concat(errorAt('value-type', path, `'${fact.name}' is ${fact.type}, so criterion '${criterion.id}' needs ${wanted}`));
}

function lintValueBands(criterion: Criterion, fact: CatalogueFact, bands: readonly ValueBand[], path: string[]): Finding[] {
  const findings: Finding[] = [];
  const seen = new Map<string | boolean, number>();
  bands.forEach((band, i) =>
    band.values.forEach((value, j) => {
      if (!fact.allowed?.has(value)) {
        findings.push(
          errorAt(
            'value-type',
            [...path, String(i), 'values', String(j)],
            `${JSON.stringify(value)} is not a value of '${fact.name}'; known: ${[...(fact.allowed ?? [])].join(', ')}`,
          ),
        );
      } else if (seen.has(value)) {
        findings.push(
          errorAt(
            'band-overlap',
            [...path, String(i), 'values', String(j)],
            `criterion '${criterion.id}': ${JSON.stringify(value)} is already in band ${seen.get(value)! + 1}`,
          ),
        );
      } else {
        seen.set(value, i);
      }
    }),
  );
  const missing = [...(fact.allowed ?? [])].filter((value) => !seen.has(value));
  if (missing.length > 0) {
    findings.push(
      errorAt(
        'band-gap',
        path,
        `criterion '${criterion.id}' gives no points for ${fact.name} ${missing.map((v) => JSON.stringify(v)).join(', ')}; add them to a band`,
      ),
    );
  }
  return findings;
}

function lintNumberBands(criterion: Criterion, fact: CatalogueFact, bands: readonly NumberBand[], path: string[]): Finding[] {
  const findings: Finding[] = [];
  const order = bands
    .map((band, index) => ({ index, low: band.atLeast ?? -Infinity, high: band.below ?? Infinity }))
    .sort((a, b) => a.low - b.low || a.high - b.high);
  for (const band of order) {
    if (band.low >= band.high) {
      findings.push(
        errorAt(
          'band-gap',
          [...path, String(band.index)],
          `criterion '${criterion.id}': band ${band.index + 1} is empty (atLeast ${band.low} is not below ${band.high})`,
        ),
      );
    }
  }
  // Empty bands are reported above; they must not hide or invent gaps.
  const filled = order.filter((band) => band.low < band.high);
  const name = `criterion '${criterion.id}'`;
  const first = filled[0];
  if (!first) return findings;
  const lowest = fact.min ?? -Infinity;
  if (first.low > lowest) {
    findings.push(
      errorAt(
        'band-gap',
        [...path, String(first.index), 'atLeast'],
        `${name} has no band for ${fact.name} below ${first.low}${Number.isFinite(lowest) ? ` (it can be as low as ${lowest})` : ''}`,
      ),
    );
  }
  // Compare each band with the one reaching highest so far, not just its neighbour:
  // a wide band can cover (and overlap) several later ones.
  let reach = first;
  for (const current of filled.slice(1)) {
    if (current.low < reach.high) {
      findings.push(
        errorAt(
          'band-overlap',
          [...path, String(current.index)],
          `${name}: bands ${reach.index + 1} and ${current.index + 1} overlap between ${current.low} and ${Math.min(reach.high, current.high)}`,
        ),
      );
    } else if (current.low > reach.high) {
      findings.push(
        errorAt(
          'band-gap',
          [...path, String(current.index), 'atLeast'],
          `${name} has no band for ${fact.name} from ${reach.high} to below ${current.low}`,
        ),
      );
    }
    if (current.high > reach.high) reach = current;
  }
  // 'below' excludes its bound and a fact's max includes it, so below == max leaves max uncovered.
  const highest = fact.max ?? Infinity;
  if (reach.high < highest || (reach.high === highest && Number.isFinite(highest))) {
    findings.push(
      errorAt(
        'band-gap',
        [...path, String(reach.index), 'below'],
        `${name} has no band for ${fact.name} from ${reach.high} up${Number.isFinite(highest) ? ` (it can be as high as ${highest})` : ''}`,
      ),
    );
  }
  return findings;
}

function pointsAboveMax(criterion: Criterion, points: number, path: string[]): Finding[] {
  if (points <= criterion.max) return [];
  return [errorAt('points-above-max', path, `criterion '${criterion.id}' awards ${points} points but its maximum is ${criterion.max}`)];
}
