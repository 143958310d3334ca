import { RESERVED_FACT_NAMES, type FactCatalogue } from '../catalogue.js';
import { parseIsoDate } from '../dates.js';
import type { FactDefinition, PolicyDocument } from '../document.js';
import { errorAt, warningAt, type Finding } from '../finding.js';
import { defaultProblem } from '../validation/fact-value.js';

/** Each fact definition must be self-consistent before records can be checked against it. */
export function lintFactCatalogue(document: PolicyDocument, catalogue: FactCatalogue): Finding[] {
  const findings: Finding[] = [];
  for (const [name, fact] of Object.entries(document.facts)) {
    findings.push(...lintFactDefinition(name, fact, catalogue));
  }
  for (const [name, population] of Object.entries(document.population ?? {})) {
    const path = ['population', name];
    if (Object.hasOwn(document.facts, name))
      findings.push(errorAt('duplicate-id', path, `'${name}' is both a customer fact and a population fact`));
    if (RESERVED_FACT_NAMES.includes(name))
      findings.push(errorAt('invalid-fact-definition', path, `'${name}' is reserved; choose another name`));
    const source = Object.hasOwn(document.facts, population.of) ? document.facts[population.of] : undefined;
    if (!source) {
      findings.push(errorAt('unknown-fact', [...path, 'of'], `population fact '${name}' is computed from unknown fact '${population.of}'`));
    } else if (source.type !== 'number' && source.type !== 'integer') {
      findings.push(
        errorAt('value-type', [...path, 'of'], `population fact '${name}' needs a numeric fact, but '${population.of}' is ${source.type}`),
      );
    }
  }
  return findings;
}

function lintFactDefinition(name: string, fact: FactDefinition, catalogue: FactCatalogue): Finding[] {
  const path = ['facts', name];
  const findings: Finding[] = [];
  if (RESERVED_FACT_NAMES.includes(name)) {
    findings.push(errorAt('invalid-fact-definition', path, `'${name}' is reserved (the evaluator provides it); choose another name`));
  }
  const ordered = fact.type === 'number' || fact.type === 'integer' || fact.type === 'date';
  for (const bound of ['min', 'max'] as const) {
    const value = fact[bound];
    if (value === undefined) continue;
    if (!ordered) {
      findings.push(
        errorAt('invalid-fact-definition', [...path, bound], `'${bound}' applies to numbers and dates, not to ${fact.type} facts`),
      );
    } else if (fact.type === 'date' ? parseIsoDate(value) === undefined : typeof value !== 'number') {
      findings.push(
        errorAt(
          'invalid-fact-definition',
          [...path, bound],
          `'${bound}' of '${name}' must be ${fact.type === 'date' ? 'a date (yyyy-mm-dd)' : 'a number'}`,
        ),
      );
    }
  }
  const entry = catalogue.get(name);
  if (entry?.min !== undefined && entry.max !== undefined && entry.min > entry.max) {
    findings.push(
      errorAt('invalid-fact-definition', [...path, 'min'], `'${name}' has min ${String(fact.min)} above its max ${String(fact.max)}`),
    );
  }
  if (fact.enum && fact.type !== 'string') {
    findings.push(errorAt('invalid-fact-definition', [...path, 'enum'], `'enum' applies to text facts, not to ${fact.type} facts`));
  }
  for (const key of Object.keys(fact.enumLabels ?? {})) {
    if (!fact.enum?.includes(key)) {
      findings.push(errorAt('invalid-fact-definition', [...path, 'enumLabels', key], `'${key}' is not one of the values of '${name}'`));
    }
  }
  if (fact.default !== undefined && entry) {
    const problem = defaultProblem(entry, fact.default);
    if (problem) findings.push(errorAt('invalid-fact-definition', [...path, 'default'], `default of '${name}' ${problem}`));
    if (fact.required)
      findings.push(warningAt('invalid-fact-definition', [...path, 'default'], `'${name}' is required, so its default is never used`));
  }
  return findings;
}
