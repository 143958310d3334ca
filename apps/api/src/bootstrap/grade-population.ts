import { evaluate, Population, validateRecord, type Decision, type NormalizedFacts, type RecordError } from '@tierwise/policy';
import type { PolicyInForce } from '../policies/policy-in-force.js';
import type { DemoCustomer } from './demo-population.js';

export type PopulationGrading =
  | {
      ok: true;
      decisions: Decision[];
      /** Each customer's population facts (by index), for a policy that declares them: what a replay of the grading needs. */
      populationFacts: (Record<string, number> | undefined)[];
    }
  | { ok: false; customerId: string; errors: RecordError[] };

/**
 * Grades a whole population at once, so policies that rank customers against
 * each other (population facts) work here too.
 */
export function gradePopulation(policy: PolicyInForce, customers: readonly DemoCustomer[]): PopulationGrading {
  const { compiled } = policy;
  let population: Population | undefined;
  const checked: NormalizedFacts[] = [];
  if (compiled.population.size > 0) {
    const collector = Population.collector(compiled);
    for (const customer of customers) {
      const check = validateRecord(customer.facts, compiled.catalogue);
      if (!check.ok) return { ok: false, customerId: customer.id, errors: check.errors };
      collector.add(check.facts);
      checked.push(check.facts);
    }
    population = collector.finish();
  }
  const decisions: Decision[] = [];
  const populationFacts: (Record<string, number> | undefined)[] = [];
  for (const [index, customer] of customers.entries()) {
    const facts = population?.factsFor(checked[index]!);
    const result = evaluate(compiled, { ...customer.facts, customerId: customer.id }, facts ? { populationFacts: facts } : {});
    if (!result.ok) return { ok: false, customerId: customer.id, errors: result.errors };
    decisions.push(result.decision);
    populationFacts.push(facts);
  }
  return { ok: true, decisions, populationFacts };
}
