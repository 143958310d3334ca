import { binIndex, POTENTIAL_EDGES, POTENTIAL_FACT, POTENTIAL_RANGE, VALUE_EDGES, VALUE_FACT } from './dashboard-axes.js';
import type { FactCell } from './dashboard-cells.js';
import type { QuadrantDto, ValueMatrixDto } from './dto/dashboard.dto.js';

/**
 * The value x potential density and its quadrants, from the summary cells. The splits fall on
 * bin edges so the quadrant counts are exact: value splits at the edge that best halves the
 * customers in the grid (the median, to the nearest edge); potential at the first edge at or
 * above the midpoint of growth's declared range (7.5 -> 8).
 */
export function valueMatrix(cells: readonly FactCell[]): ValueMatrixDto {
  const counts = POTENTIAL_EDGES.map(() => VALUE_EDGES.map(() => 0));
  let withoutFacts = 0;
  for (const cell of cells) {
    if (cell.valueBucket === null || cell.potentialBucket === null) withoutFacts += cell.customers;
    else counts[binIndex(cell.potentialBucket)]![binIndex(cell.valueBucket)]! += cell.customers;
  }
  const perValueBin = VALUE_EDGES.map((_, v) => counts.reduce((sum, row) => sum + row[v]!, 0));
  const customers = perValueBin.reduce((sum, n) => sum + n, 0);

  const valueSplitBin = medianEdge(perValueBin, customers);
  const midpoint = (POTENTIAL_RANGE.min + POTENTIAL_RANGE.max) / 2;
  const potentialSplitBin = POTENTIAL_EDGES.findIndex((edge) => edge >= midpoint);

  const quadrant = (highValue: boolean, highPotential: boolean): number => {
    let n = 0;
    counts.forEach((row, p) =>
      row.forEach((count, v) => {
        if (v >= valueSplitBin === highValue && p >= potentialSplitBin === highPotential) n += count;
      }),
    );
    return n;
  };
  const quadrants: QuadrantDto[] = [
    { quadrant: 'high-value-high-potential', customers: quadrant(true, true) },
    { quadrant: 'high-value-low-potential', customers: quadrant(true, false) },
    { quadrant: 'low-value-high-potential', customers: quadrant(false, true) },
    { quadrant: 'low-value-low-potential', customers: quadrant(false, false) },
  ];

  return {
    value: {
      fact: VALUE_FACT,
      edges: [...VALUE_EDGES],
      split: VALUE_EDGES[valueSplitBin]!,
      splitRule: 'median: the bin edge that best halves the customers in the grid',
    },
    potential: {
      fact: POTENTIAL_FACT,
      edges: [...POTENTIAL_EDGES],
      split: POTENTIAL_EDGES[potentialSplitBin]!,
      splitRule: `midpoint of the declared range ${POTENTIAL_RANGE.min}-${POTENTIAL_RANGE.max} (${midpoint}), up to the next bin edge`,
    },
    customers,
    withoutFacts,
    counts,
    quadrants,
  };
}

/** The first bin of the upper half: the edge (1..n-1) with the count below it nearest half the total. */
function medianEdge(perBin: readonly number[], total: number): number {
  let best = 1;
  let bestDistance = Number.POSITIVE_INFINITY;
  let below = perBin[0]!;
  for (let edge = 1; edge < perBin.length; edge += 1) {
    const distance = Math.abs(below - total / 2);
    if (distance < bestDistance) {
      best = edge;
      bestDistance = distance;
    }
    below += perBin[edge]!;
  }
  return best;
}
