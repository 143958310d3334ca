import type { FactCatalogue } from './catalogue.js';
import type { Criterion } from './document.js';

export interface Range {
  min: number;
  max: number;
}

/** The lowest and highest total a scorecard can award, from its criteria's possible points. */
export function scoreRange(scorecard: readonly Criterion[], facts: FactCatalogue): Range {
  return scorecard
    .map((criterion) => pointsRange(criterion, facts))
    .reduce((total, range) => ({ min: total.min + range.min, max: total.max + range.max }), { min: 0, max: 0 });
}

export function pointsRange(criterion: Criterion, facts: FactCatalogue): Range {
  const source = criterion.points;
  if ('rules' in source) {
    const points = [...source.rules.map((rule) => rule.points), source.otherwise ?? 0];
    return { min: Math.min(...points), max: Math.max(...points) };
  }
  if ('bands' in source) {
    const points = source.bands.map((band) => band.points);
    return { min: Math.min(...points), max: Math.max(...points) };
  }
  const fact = facts.get(source.fact);
  return { min: fact?.min ?? -Infinity, max: fact?.max ?? Infinity };
}
