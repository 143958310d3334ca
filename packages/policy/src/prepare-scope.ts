import type { CompiledPolicy } from './compile/compiled-policy.js';
import type { Scope } from './compile/scope.js';
import type { PopulationFactDefinition } from './document.js';
import { pointer } from './finding.js';
import type { Population } from './population.js';
import { validateRecord, type NormalizedFacts, type RecordError } from './validation/validate-record.js';

export type PreparedScope =
  { ok: true; customerId: string | null; scope: Scope } | { ok: false; customerId: string | null; errors: RecordError[] };

/** Where a customer's population facts come from: measured here, or computed elsewhere (in SQL) and passed in. */
export interface PopulationSource {
  population?: Population;
  populationFacts?: Readonly<Record<string, number>>;
}

/** Validates a customer record and gathers what its conditions may look at. */
export function prepareScope(policy: CompiledPolicy, record: unknown, source: PopulationSource = {}): PreparedScope {
  const rawId = typeof record === 'object' && record !== null ? (record as Record<string, unknown>)['customerId'] : undefined;
  const customerId = typeof rawId === 'string' ? rawId : rawId === undefined || rawId === null ? null : JSON.stringify(rawId);
  const check = validateRecord(record, policy.catalogue);
  const errors = check.ok ? [] : check.errors;
  if (rawId !== undefined && (typeof rawId !== 'string' || rawId.length === 0)) {
    errors.unshift({ path: '/customerId', message: `customerId must be non-empty text, not ${JSON.stringify(rawId)}` });
  }
  if (!check.ok || errors.length > 0) return { ok: false, customerId, errors };
  const scope: Scope = check.facts;
  if (source.populationFacts) {
    const given = givenPopulationFacts(policy, check.facts, source.populationFacts);
    if (!given.ok) return { ok: false, customerId, errors: given.errors };
    Object.assign(scope, given.facts);
  } else if (policy.population.size > 0) {
    if (!source.population) {
      throw new Error(
        `policy '${policy.ref.id}' ranks customers against each other: evaluate it with a Population or the customer's populationFacts`,
      );
    }
    Object.assign(scope, source.population.factsFor(check.facts));
  }
  return { ok: true, customerId, scope };
}

type GivenFacts = { ok: true; facts: Record<string, number> } | { ok: false; errors: RecordError[] };

/**
 * Population facts computed elsewhere, checked against what the policy declares.
 * As with Population.factsFor, a population fact is absent where the customer's
 * own measured value is absent (a value given for it then is ignored), and
 * required where that value is present.
 */
function givenPopulationFacts(policy: CompiledPolicy, facts: NormalizedFacts, given: Readonly<Record<string, number>>): GivenFacts {
  const errors: RecordError[] = [];
  const result = Object.create(null) as Record<string, number>;
  for (const name of Object.keys(given)) {
    if (!policy.population.has(name)) {
      const declared = [...policy.population.keys()];
      errors.push({
        path: pointer('populationFacts', name),
        message:
          declared.length > 0
            ? `'${name}' is not a population fact of this policy; its population facts are ${declared.join(', ')}`
            : `'${name}' is not a population fact: this policy declares none`,
      });
    }
  }
  for (const [name, definition] of policy.population) {
    const own = Object.hasOwn(facts, definition.of) ? facts[definition.of] : undefined;
    if (typeof own !== 'number') continue;
    const value = Object.hasOwn(given, name) ? given[name] : undefined;
    const problem = populationValueProblem(definition, value);
    if (problem) errors.push({ path: pointer('populationFacts', name), message: `'${name}' (${describe(definition)}) ${problem}` });
    else result[name] = value!;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, facts: result };
}

function populationValueProblem(definition: PopulationFactDefinition, value: unknown): string | undefined {
  if (value === undefined) return `is missing: the customer has ${definition.of}, so its ${definition.measure} must be given`;
  if (typeof value !== 'number' || !Number.isFinite(value)) return `must be a finite number, not ${shown(value)}`;
  if (definition.measure === 'rank' && !(Number.isInteger(value) && value >= 1)) return `must be a whole number from 1, not ${value}`;
  if (definition.measure === 'percentile' && !(value >= 0 && value <= 1)) return `must be between 0 and 1, not ${value}`;
  return undefined;
}

function shown(value: unknown): string {
  return typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
}

function describe(definition: PopulationFactDefinition): string {
  const measure = definition.measure === 'cumulativeShare' ? 'cumulative share' : definition.measure;
  return `${measure} of ${definition.of}`;
}
