/** The policy whose tier order the answer follows: the version in force, or null when none is. */
export interface DashboardPolicyDto {
  id: string;
  version: number;
}

export interface TierSliceDto {
  tier: string;
  customers: number;
  /** Of the customers graded into a tier (0-1). */
  customerShare: number;
  /** The sum of the value fact over these customers. */
  value: number;
  /** Of the value held by customers graded into a tier (0-1). */
  valueShare: number;
}

export interface DashboardTiersDto {
  policy: DashboardPolicyDto | null;
  valueFact: string;
  customers: number;
  graded: number;
  ungraded: number;
  /** Graded, but into no tier (a policy whose last tier has conditions). */
  untiered: number;
  /** The value fact summed over every customer, graded or not. */
  totalValue: number;
  tiers: TierSliceDto[];
}

export interface MatrixAxisDto {
  fact: string;
  /** Bin i holds edges[i] <= x < edges[i + 1]; the last bin is open above; below the first edge counts in the first. */
  edges: number[];
  /** High from here up (an edge, so the quadrant counts are exact). */
  split: number;
  splitRule: string;
}

export type QuadrantName =
  'high-value-high-potential' | 'high-value-low-potential' | 'low-value-high-potential' | 'low-value-low-potential';

export interface QuadrantDto {
  quadrant: QuadrantName;
  customers: number;
}

export interface ValueMatrixDto {
  value: MatrixAxisDto;
  potential: MatrixAxisDto;
  /** Customers with both facts: those in the grid. */
  customers: number;
  /** Customers missing either fact (or holding a non-number there): not in the grid. */
  withoutFacts: number;
  /** counts[p][v]: customers in potential bin p and value bin v. */
  counts: number[][];
  quadrants: QuadrantDto[];
}
