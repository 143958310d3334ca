// Seed-policy customers built to a target score, so tests read as the rules do.

const NUMERIC_CRITERIA = [
  ['strength', 15],
  ['growth', 15],
  ['profitContribution', 15],
  ['relationship', 20],
  ['strategicImportance', 20],
] as const;

const NATURE_POINTS = { government: 15, soe: 15, 'joint-stock': 10, private: 5 } as const;

export interface SeedCustomerOptions {
  score?: number;
  nature?: keyof typeof NATURE_POINTS;
  [fact: string]: unknown;
}

/** A valid record for rules/default whose score is exactly `score` (default 50). */
export function seedCustomer({ score = 50, nature = 'private', ...facts }: SeedCustomerOptions = {}): Record<string, unknown> {
  let left = score - NATURE_POINTS[nature];
  if (left < 0) throw new Error(`a ${nature} customer scores at least ${NATURE_POINTS[nature]}`);
  const record: Record<string, unknown> = { customerId: 'c-test', nature };
  for (const [fact, max] of NUMERIC_CRITERIA) {
    const points = Math.min(left, max);
    record[fact] = points;
    left -= points;
  }
  if (left > 0) throw new Error(`score ${score} is more than a ${nature} customer can score`);
  return { ...record, ...facts };
}
