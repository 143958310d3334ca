import { evaluate, Population, validateRecord, type Decision, type RecordError } from '@tierwise/policy';
import type { PolicyInForce } from '../policies/policy-in-force.js';
import type { DemoCustomer } from './demo-population.js';

export type PopulationGrading = { ok: true; decisions: Decision[] } | { ok: false; customerId: string; errors: RecordError[] };

/**
 * Grades a whole population at once, so policies that rank customers against
 * each other (population facts) work here too.
 */
export function gradePopulation(policy: PolicyInForce, customers: readonly DemoCustomer[]): PopulationGrading {
  const { compiled } = policy;
  let population: Population | undefined;
  if (compiled.population.size > 0) {
    const collector = Population.collector(compiled);
    for (const customer of customers) {
      const check = validateRecord(customer.facts, compiled.catalogue);
      if (!check.ok) return { ok: false, customerId: customer.id, errors: check.errors };
      collector.add(check.facts);
    }
    population = collector.finish();
  }
  const decisions: Decision[] = [];
  for (const customer of customers) {
    const result = evaluate(compiled, { ...customer.facts, customerId: customer.id }, population ? { population } : {});
    if (!result.ok) return { ok: false, customerId: customer.id, errors: result.errors };
    decisions.push(result.decision);
  }
  return { ok: true, decisions };
}
