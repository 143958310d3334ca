import { OPERATORS, type FactType, type Operator, type PolicyDocument } from '@tierwise/policy';
import type { Field } from 'react-querybuilder';
import { labelIn } from '../policy-labels/localized-label';

// What a condition may test, from the policy being edited: its facts, its population facts, and the
// facts the evaluator adds after each step (score and each criterion's points after the scorecard, the tier after grading).

/** Where a condition sits decides which derived facts exist there. */
export type ConditionScope = 'criterion' | 'tier' | 'treatment';

export type FieldKind = 'number' | 'date' | 'boolean' | 'text';

export interface PolicyField extends Field {
  name: string;
  label: string;
  kind: FieldKind;
  factType: FactType;
  /** For `points`: the criteria a path may name (`$.<criterion id>`). */
  paths?: { path: string; label: string }[];
}

const ORDERED: readonly Operator[] = OPERATORS;
const UNORDERED: readonly Operator[] = ['equal', 'notEqual', 'in', 'notIn'];
const YES_NO: readonly Operator[] = ['equal', 'notEqual'];

export const LIST_OPERATORS: ReadonlySet<string> = new Set<Operator>(['in', 'notIn']);

function kindOf(type: FactType): FieldKind {
  if (type === 'number' || type === 'integer') return 'number';
  if (type === 'date') return 'date';
  if (type === 'boolean') return 'boolean';
  return 'text';
}

function operatorsOf(kind: FieldKind): Operator[] {
  return [...(kind === 'boolean' ? YES_NO : kind === 'text' ? UNORDERED : ORDERED)];
}

function fieldOf(name: string, label: string, type: FactType, values?: { name: string; label: string }[]): PolicyField {
  const kind = kindOf(type);
  const field: PolicyField = {
    name,
    value: name,
    label,
    kind,
    factType: type,
    operators: operatorsOf(kind).map((operator) => ({ name: operator, value: operator, label: operator })),
    defaultOperator: kind === 'number' || kind === 'date' ? 'greaterThanInclusive' : 'equal',
    // A fact may be compared with another fact of the same kind (json-rules-engine `{ "fact": ... }` values).
    valueSources: kind === 'number' || kind === 'date' ? ['value', 'field'] : ['value'],
    comparator: 'kind',
  };
  if (kind === 'number') field.inputType = 'number';
  if (kind === 'date') field.inputType = 'date';
  if (values) field.values = values;
  return field;
}

export interface FieldLabels {
  score: string;
  tier: string;
  points: string;
}

export function fieldsFor(document: PolicyDocument, scope: ConditionScope, locale: string, labels: FieldLabels): PolicyField[] {
  const fields = Object.entries(document.facts ?? {}).map(([name, fact]) =>
    fieldOf(
      name,
      labelIn(fact.label, locale, name),
      fact.type,
      fact.enum?.map((value) => ({ name: value, label: labelIn(fact.enumLabels?.[value], locale, value) })),
    ),
  );
  for (const [name, fact] of Object.entries(document.population ?? {}))
    fields.push(fieldOf(name, labelIn(fact.label, locale, name), 'number'));
  const scorecard = document.grading?.scorecard;
  if (scope !== 'criterion' && scorecard) {
    fields.push(fieldOf('score', labels.score, 'number'));
    const points = fieldOf('points', labels.points, 'number');
    points.paths = scorecard.map((criterion) => ({ path: `$.${criterion.id}`, label: labelIn(criterion.label, locale, criterion.id) }));
    points.valueSources = ['value'];
    fields.push(points);
  }
  if (scope === 'treatment') {
    const tiers = (document.grading?.tiers ?? []).map((tier) => ({ name: tier.id, label: labelIn(tier.label, locale, tier.id) }));
    fields.push(fieldOf('tier', labels.tier, 'string', tiers));
  }
  return fields;
}
