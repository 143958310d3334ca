import type { CatalogueFact, FactCatalogue } from '../catalogue.js';
import { parseIsoDate } from '../dates.js';
import { OPERATORS, POINTS_FACT, SCORE_FACT, TIER_FACT, type Condition, type FactCondition, type Operator } from '../document.js';
import { errorAt as error, type Finding } from '../finding.js';

const COMPARISONS: ReadonlySet<Operator> = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);

/** Checks every fact condition inside a condition tree against the facts in scope. */
export function lintCondition(condition: Condition, facts: FactCatalogue, path: string[]): Finding[] {
  if ('all' in condition) return condition.all.flatMap((child, i) => lintCondition(child, facts, [...path, 'all', String(i)]));
  if ('any' in condition) return condition.any.flatMap((child, i) => lintCondition(child, facts, [...path, 'any', String(i)]));
  if ('not' in condition) return lintCondition(condition.not, facts, [...path, 'not']);
  return lintFactCondition(condition, facts, path);
}

function lintFactCondition(condition: FactCondition, facts: FactCatalogue, path: string[]): Finding[] {
  const fact = facts.get(condition.fact);
  if (!fact) {
    return [error('unknown-fact', [...path, 'fact'], unknownFactMessage(condition.fact, facts))];
  }
  const findings: Finding[] = [];
  if (fact.paths) {
    if (condition.path === undefined || !fact.paths.has(condition.path)) {
      const choices = [...fact.paths].join(', ');
      findings.push(error('unsupported-path', [...path, 'path'], `'${fact.name}' needs a path naming a criterion: one of ${choices}`));
    }
  } else if (condition.path !== undefined) {
    findings.push(
      error(
        'unsupported-path',
        [...path, 'path'],
        `'${fact.name}' is a single ${fact.type} value; a path applies only to structured facts`,
      ),
    );
  }
  if (!OPERATORS.includes(condition.operator as Operator)) {
    findings.push(
      error('unknown-operator', [...path, 'operator'], `unknown operator '${condition.operator}'; use one of: ${OPERATORS.join(', ')}`),
    );
    return findings;
  }
  const operator = condition.operator as Operator;
  if (COMPARISONS.has(operator) && !isOrdered(fact)) {
    findings.push(
      error('value-type', [...path, 'operator'], `'${operator}' compares numbers or dates, but '${fact.name}' is ${describeType(fact)}`),
    );
    return findings;
  }
  return findings.concat(lintValue(condition, fact, operator, facts, [...path, 'value']));
}

function lintValue(condition: FactCondition, fact: CatalogueFact, operator: Operator, facts: FactCatalogue, path: string[]): Finding[] {
  const value = condition.value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const other = facts.get(value.fact);
    if (!other) return [error('unknown-fact', [...path, 'fact'], unknownFactMessage(value.fact, facts))];
    // json-rules-engine runs 'in' as value.indexOf(factValue): on another fact's single
    // value that is a substring search in text and an error on a number or a missing fact.
    if (operator === 'in' || operator === 'notIn') {
      return [
        error(
          'value-type',
          path,
          `'${operator}' needs a list of values written out, but '${other.name}' holds a single value; compare the two facts with 'equal' or 'notEqual'`,
        ),
      ];
    }
    // A reference cannot carry a path, so it would compare with the whole set of points.
    if (other.paths) {
      return [
        error(
          'value-type',
          path,
          `'${other.name}' holds the points of every criterion and cannot be compared whole; write the condition on '${other.name}' with a path such as ${[...other.paths][0] ?? '$.criterion'} instead`,
        ),
      ];
    }
    if (!sameKind(fact, other)) {
      return [
        error(
          'value-type',
          path,
          `'${fact.name}' is ${describeType(fact)} and cannot be compared with '${other.name}', which is ${describeType(other)}`,
        ),
      ];
    }
    return [];
  }
  const isList = operator === 'in' || operator === 'notIn';
  if (isList !== Array.isArray(value)) {
    return [error('value-type', path, isList ? `'${operator}' needs a list of values` : `'${operator}' needs a single value, not a list`)];
  }
  const values = Array.isArray(value) ? value : [value];
  return values.flatMap((item, i) => {
    const problem = valueProblem(fact, item);
    if (!problem) return [];
    const at = Array.isArray(value) ? [...path, String(i)] : path;
    return [error(fact.name === TIER_FACT ? 'unknown-tier' : 'value-type', at, problem)];
  });
}

function valueProblem(fact: CatalogueFact, value: unknown): string | undefined {
  switch (fact.type) {
    case 'number':
    case 'integer':
      return typeof value === 'number' ? undefined : `'${fact.name}' is a number, but ${JSON.stringify(value)} is not`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `'${fact.name}' is yes/no: use true or false, not ${JSON.stringify(value)}`;
    case 'date':
      return parseIsoDate(value) !== undefined ? undefined : `'${fact.name}' is a date: use yyyy-mm-dd, not ${JSON.stringify(value)}`;
    case 'string':
      if (typeof value !== 'string') return `'${fact.name}' is text, but ${JSON.stringify(value)} is not`;
      if (fact.allowed && !fact.allowed.has(value)) {
        const noun = fact.name === TIER_FACT ? 'tier' : `value of '${fact.name}'`;
        return `'${value}' is not a known ${noun}; known: ${[...fact.allowed].join(', ')}`;
      }
      return undefined;
  }
}

function isOrdered(fact: CatalogueFact): boolean {
  return fact.type === 'number' || fact.type === 'integer' || fact.type === 'date';
}

function sameKind(a: CatalogueFact, b: CatalogueFact): boolean {
  const kind = (fact: CatalogueFact) => (fact.type === 'integer' ? 'number' : fact.type);
  return kind(a) === kind(b);
}

function describeType(fact: CatalogueFact): string {
  if (fact.type === 'boolean') return 'yes/no';
  if (fact.type === 'string') return fact.allowed ? `one of ${[...fact.allowed].join(', ')}` : 'text';
  return `a ${fact.type}`;
}

// Facts the evaluator provides only after a step of the decision: why they are missing here.
const LATER_FACTS: Readonly<Record<string, string>> = {
  [SCORE_FACT]: 'the score is known only after the scorecard: use it in tier and treatment conditions, in a policy with a scorecard',
  [POINTS_FACT]: "a criterion's points are known only after the scorecard: use them in tier and treatment conditions",
  [TIER_FACT]: 'the tier is known only after grading: use it in treatment conditions',
};

function unknownFactMessage(name: string, facts: FactCatalogue): string {
  const later = Object.hasOwn(LATER_FACTS, name) ? LATER_FACTS[name] : undefined;
  if (later) return `'${name}' cannot be used here: ${later}`;
  const names = [...facts.keys()];
  const near = names.find((known) => known.toLowerCase() === name.toLowerCase());
  const hint = near ? `; did you mean '${near}'?` : `; facts here: ${names.join(', ')}`;
  return `unknown fact '${name}'${hint}`;
}
