import type { Band, FactCondition, TopLevelCondition } from '../document.js';

/** A band as the json-rules-engine condition it means, so both evaluators read bands alike. */
export function bandCondition(fact: string, band: Band): TopLevelCondition {
  if ('values' in band) return { all: [{ fact, operator: 'in', value: band.values }] };
  const all: FactCondition[] = [];
  if (band.atLeast !== undefined) all.push({ fact, operator: 'greaterThanInclusive', value: band.atLeast });
  if (band.below !== undefined) all.push({ fact, operator: 'lessThan', value: band.below });
  return { all };
}
