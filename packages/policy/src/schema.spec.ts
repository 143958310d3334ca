import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintPolicy } from './lint/lint-policy.js';
import { loadPolicyDocument } from './node/load-policy.js';
import { checkSchema } from './schema.js';
import { all, factCondition, policyFactory, removeAt, setAt } from './testing/policy-factory.js';

const SEED = fileURLToPath(new URL('../../../rules/default', import.meta.url));

function schemaError(path: string, message: string | RegExp) {
  return {
    severity: 'error',
    code: 'schema',
    path,
    message: typeof message === 'string' ? message : expect.stringMatching(message),
  };
}

describe('checkSchema', () => {
  it('passes the seed policy with zero findings', async () => {
    const seed = await loadPolicyDocument(SEED);

    expect(checkSchema(seed)).toEqual([]);
    expect(lintPolicy(seed)).toEqual([]);
  });

  it('passes the minimal test policy', () => {
    expect(checkSchema(policyFactory())).toEqual([]);
  });

  it.each([
    ['a number', 42],
    ['null', null],
    ['a list', []],
    ['text', 'policy'],
  ])('rejects %s as a whole document with one finding at the root', (_name, document) => {
    expect(checkSchema(document)).toEqual([schemaError('', 'must be an object')]);
  });

  it('names a missing top-level key at the root', () => {
    expect(checkSchema(removeAt(policyFactory(), '/id'))).toEqual([schemaError('', "'id' is missing")]);
  });

  it('names a missing key at the object that lacks it', () => {
    const document = removeAt(policyFactory(), '/grading/tiers/1/label');

    expect(checkSchema(document)).toEqual([schemaError('/grading/tiers/1', "'label' is missing")]);
  });

  it('points at an unknown property itself', () => {
    expect(checkSchema(setAt(policyFactory(), '/colour', 'red'))).toEqual([
      schemaError('/colour', "'colour' is not a known property here"),
    ]);
  });

  it('points at an unknown property deep inside a fact', () => {
    const document = setAt(policyFactory(), '/facts/revenue/unit', 'EUR');

    expect(checkSchema(document)).toEqual([schemaError('/facts/revenue/unit', "'unit' is not a known property here")]);
  });

  it('escapes an unknown property name in the pointer', () => {
    expect(checkSchema(setAt(policyFactory(), '/a~1b', 1))).toEqual([schemaError('/a~1b', "'a/b' is not a known property here")]);
  });

  it('reports a wrong type at the value', () => {
    expect(checkSchema(setAt(policyFactory(), '/version', 'one'))).toEqual([schemaError('/version', 'must be an integer')]);
  });

  it('reports a criterion maximum written as text', () => {
    const document = setAt(policyFactory(), '/grading/scorecard/0/max', 'ten');

    expect(checkSchema(document)).toEqual([schemaError('/grading/scorecard/0/max', 'must be a number')]);
  });

  it('lists the allowed fact types for an unknown one', () => {
    const document = setAt(policyFactory(), '/facts/revenue/type', 'float');

    expect(checkSchema(document)).toEqual([schemaError('/facts/revenue/type', 'must be one of: number, integer, boolean, string, date')]);
  });

  it('quotes an id that breaks the id pattern', () => {
    const document = setAt(policyFactory(), '/grading/tiers/0/id', '1A');

    expect(checkSchema(document)).toEqual([
      schemaError('/grading/tiers/0/id', "'1A' is not a valid id: start with a letter, then use letters, digits, '-' or '_'"),
    ]);
  });

  it('points at a fact name that breaks the id pattern, once', () => {
    const document = setAt(policyFactory(), '/facts/2x', { type: 'number', label: { en: 'two x' } });

    expect(checkSchema(document)).toEqual([schemaError('/facts/2x', /^'2x' is not a valid id/)]);
  });

  it('reports a fact condition missing its value once, at the condition', () => {
    const document = removeAt(policyFactory(), '/grading/tiers/0/conditions/all/0/value');

    expect(checkSchema(document)).toEqual([schemaError('/grading/tiers/0/conditions/all/0', "'value' is missing")]);
  });

  it('reports a malformed condition nested in any and not once', () => {
    const document = setAt(policyFactory(), '/treatments/0/conditions', {
      any: [factCondition('tier', 'equal', 'A'), { not: { fact: 'revenue', value: 3 } }],
    });

    expect(checkSchema(document)).toEqual([schemaError('/treatments/0/conditions/any/1/not', "'operator' is missing")]);
  });

  it('asks for a group when a top-level condition is a bare fact condition', () => {
    const document = setAt(policyFactory(), '/grading/tiers/0/conditions', factCondition('score', 'greaterThan', 5));

    expect(checkSchema(document)).toEqual([
      schemaError('/grading/tiers/0/conditions', "conditions must be grouped under 'all', 'any' or 'not'"),
    ]);
  });

  it('reports a stray key beside a group at that key', () => {
    const document = setAt(policyFactory(), '/grading/tiers/0/conditions', {
      ...all(factCondition('score', 'greaterThan', 5)),
      fact: 'score',
    });

    expect(checkSchema(document)).toEqual([schemaError('/grading/tiers/0/conditions/fact', "'fact' is not a known property here")]);
  });

  it('rejects a fact reference with a misspelt key', () => {
    const document = setAt(policyFactory(), '/treatments/0/conditions/all/0/value', { fact: 'revenue', path: '$.x' });

    expect(checkSchema(document)).toEqual([
      schemaError('/treatments/0/conditions/all/0/value/path', "'path' is not a known property here"),
    ]);
  });

  it('rejects null as a condition value', () => {
    const document = setAt(policyFactory(), '/treatments/0/conditions/all/0/value', null);

    expect(checkSchema(document)).toEqual([
      schemaError('/treatments/0/conditions/all/0/value', 'must be a number or boolean or string or array or object'),
    ]);
  });

  it('rejects otherwise on a criterion scored directly by a fact', () => {
    const document = setAt(policyFactory(), '/grading/scorecard/0/points/otherwise', 0);

    expect(checkSchema(document)).toEqual([
      schemaError('/grading/scorecard/0/points/otherwise', "'otherwise' is not a known property here"),
    ]);
  });

  it('asks for at least one tier', () => {
    expect(checkSchema(setAt(policyFactory(), '/grading/tiers', []))).toEqual([schemaError('/grading/tiers', 'needs at least 1 item(s)')]);
  });

  it('asks for at least one fact', () => {
    expect(checkSchema(setAt(policyFactory(), '/facts', {}))).toEqual([schemaError('/facts', 'needs at least 1 entry')]);
  });

  it('rejects an empty label in plain words', () => {
    expect(checkSchema(setAt(policyFactory(), '/name/en', ''))).toEqual([schemaError('/name/en', 'must not be empty')]);
  });

  it('states the lowest treatment priority', () => {
    expect(checkSchema(setAt(policyFactory(), '/treatments/0/priority', 0))).toEqual([
      schemaError('/treatments/0/priority', 'must be at least 1'),
    ]);
  });

  it('states that a criterion maximum must be positive', () => {
    expect(checkSchema(setAt(policyFactory(), '/grading/scorecard/0/max', 0))).toEqual([
      schemaError('/grading/scorecard/0/max', 'must be more than 0'),
    ]);
  });

  it('names the repeated items of an enum', () => {
    const document = setAt(policyFactory(), '/facts/nature', { type: 'string', label: { en: 'Nature' }, enum: ['soe', 'private', 'soe'] });

    expect(checkSchema(document)).toEqual([schemaError('/facts/nature/enum', 'lists the same value twice (items 1 and 3)')]);
  });

  it('reports each independent problem once', () => {
    const broken = setAt(setAt(policyFactory(), '/version', 0), '/grading/tiers/1/colour', 'red');

    expect(checkSchema(broken)).toEqual([
      schemaError('/version', 'must be at least 1'),
      schemaError('/grading/tiers/1/colour', "'colour' is not a known property here"),
    ]);
  });

  it('stops lintPolicy before the semantic checks', () => {
    const document = setAt(policyFactory(), '/grading/tiers/0/colour', 'red');

    expect(lintPolicy(document)).toEqual(checkSchema(document));
  });
});
