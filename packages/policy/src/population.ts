import type { CompiledPolicy } from './compile/compiled-policy.js';
import type { PopulationFactDefinition } from './document.js';
import type { NormalizedFacts } from './validation/validate-record.js';

/**
 * Population facts (rank, percentile, cumulative share of a numeric fact) for
 * relative grading such as ABC by cumulative profit. They depend only on a
 * customer's own value and the population's values, never on input order: tied
 * customers get the same rank (1, 2, 2, 4) and the same cumulative share.
 */
export class Population {
  private constructor(private readonly measures: ReadonlyMap<string, Measure>) {}

  /** Collects the values population facts need, one customer at a time, in O(customers) numbers. */
  static collector(policy: CompiledPolicy): PopulationCollector {
    return new PopulationCollector(policy);
  }

  static of(policy: CompiledPolicy, population: Iterable<NormalizedFacts>): Population {
    const collector = Population.collector(policy);
    for (const facts of population) collector.add(facts);
    return collector.finish();
  }

  /** @internal */
  static fromMeasures(measures: ReadonlyMap<string, Measure>): Population {
    return new Population(measures);
  }

  /** This customer's population facts; absent where its own value is absent. */
  factsFor(facts: NormalizedFacts): Record<string, number> {
    const result = Object.create(null) as Record<string, number>;
    for (const [name, measure] of this.measures) {
      const value = Object.hasOwn(facts, measure.definition.of) ? facts[measure.definition.of] : undefined;
      if (typeof value === 'number') result[name] = measure.lookup(value);
    }
    return result;
  }
}

export class PopulationCollector {
  private readonly values = new Map<string, number[]>();

  constructor(private readonly policy: CompiledPolicy) {
    for (const definition of policy.population.values()) this.values.set(definition.of, []);
  }

  add(facts: NormalizedFacts): void {
    for (const [fact, values] of this.values) {
      // Own keys only: facts may come from a caller as a plain object.
      const value = Object.hasOwn(facts, fact) ? facts[fact] : undefined;
      if (typeof value === 'number') values.push(value);
    }
  }

  finish(): Population {
    const measures = new Map<string, Measure>();
    for (const [name, definition] of this.policy.population) {
      // The constructor gave every measured fact its list.
      measures.set(name, new Measure(definition, this.values.get(definition.of)!));
    }
    return Population.fromMeasures(measures);
  }
}

class Measure {
  // Distinct values from the top (per `order`) down, with how many customers
  // and how much of the total sit at or above each.
  private readonly distinct: number[] = [];
  private readonly countAtOrAbove: number[] = [];
  private readonly sumAtOrAbove: number[] = [];
  private readonly total: number;
  private readonly size: number;
  private readonly descending: boolean;

  constructor(
    readonly definition: PopulationFactDefinition,
    values: number[],
  ) {
    this.descending = (definition.order ?? 'descending') === 'descending';
    const sorted = Float64Array.from(values).sort();
    if (this.descending) sorted.reverse();
    let count = 0;
    let sum = 0;
    for (const value of sorted) {
      count += 1;
      sum += value;
      if (this.distinct.at(-1) === value) {
        this.countAtOrAbove[this.countAtOrAbove.length - 1] = count;
        this.sumAtOrAbove[this.sumAtOrAbove.length - 1] = sum;
      } else {
        this.distinct.push(value);
        this.countAtOrAbove.push(count);
        this.sumAtOrAbove.push(sum);
      }
    }
    this.total = sum;
    this.size = count;
  }

  lookup(value: number): number {
    const index = this.positionOf(value);
    const above = index > 0 ? this.countAtOrAbove[index - 1]! : 0;
    switch (this.definition.measure) {
      case 'rank':
        return above + 1;
      case 'percentile':
        // Share of customers this one is at or above, in the chosen order.
        return this.size === 0 ? 1 : (this.size - above) / this.size;
      case 'cumulativeShare': {
        // Not meaningful when the total is not positive: nobody is "in the top".
        if (this.total <= 0) return 1;
        const present = this.distinct[index] === value;
        const sumAbove = index > 0 ? this.sumAtOrAbove[index - 1]! : 0;
        return (present ? this.sumAtOrAbove[index]! : sumAbove + value) / this.total;
      }
    }
  }

  // Binary search for the value's position from the top (values not in the
  // population, as in a what-if, fall where they would sort).
  private positionOf(value: number): number {
    let low = 0;
    let high = this.distinct.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const candidate = this.distinct[middle]!;
      const before = this.descending ? candidate > value : candidate < value;
      if (before) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
