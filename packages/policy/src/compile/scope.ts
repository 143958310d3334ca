import type { NormalizedValue } from '../validation/fact-value.js';

/** Everything a condition can look at for one customer: facts, population facts, score and tier. */
export type Scope = Record<string, NormalizedValue | Record<string, number> | null | undefined>;

export type Predicate = (scope: Scope) => boolean;
