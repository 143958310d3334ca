import { describe, expect, it } from 'vitest';
import type { FactDefinition } from '../document.js';
import { factFactory, policyFactory, populationFactFactory } from '../testing/policy-factory.js';
import { lintPolicy } from './lint-policy.js';

// Each fact under test is added beside the scored 'revenue' fact, unscored, so
// any finding comes from its definition alone.
function lintFact(name: string, fact: FactDefinition) {
  const document = policyFactory();
  document.facts[name] = fact;
  return lintPolicy(document);
}

function finding(code: string, path: string, message: string, severity = 'error') {
  return { severity, code, path, message };
}

describe('fact catalogue lint: invalid-fact-definition', () => {
  it('accepts a well-formed fact of every type', () => {
    const document = policyFactory();
    document.facts['headcount'] = factFactory({ type: 'integer', min: 1, max: 1000, required: false, default: 1 });
    document.facts['blacklisted'] = factFactory({ type: 'boolean', required: false, default: false });
    document.facts['nature'] = factFactory({ type: 'string', enum: ['soe', 'private'], enumLabels: { soe: { en: 'state-owned' } } });
    document.facts['founded'] = factFactory({ type: 'date', min: '1900-01-01', max: '2100-12-31', required: false });

    expect(lintPolicy(document)).toEqual([]);
  });

  it('flags a minimum above the maximum', () => {
    expect(lintFact('headcount', factFactory({ type: 'integer', min: 10, max: 1 }))).toEqual([
      finding('invalid-fact-definition', '/facts/headcount/min', "'headcount' has min 10 above its max 1"),
    ]);
  });

  it('compares date bounds as dates', () => {
    expect(lintFact('founded', factFactory({ type: 'date', min: '2030-01-01', max: '2020-01-01' }))).toEqual([
      finding('invalid-fact-definition', '/facts/founded/min', "'founded' has min 2030-01-01 above its max 2020-01-01"),
    ]);
  });

  it.each(['min', 'max'] as const)('rejects %s on a yes/no fact', (bound) => {
    expect(lintFact('blacklisted', factFactory({ type: 'boolean', [bound]: 1 }))).toEqual([
      finding('invalid-fact-definition', `/facts/blacklisted/${bound}`, `'${bound}' applies to numbers and dates, not to boolean facts`),
    ]);
  });

  it('rejects a number bound written as text', () => {
    expect(lintFact('headcount', factFactory({ type: 'integer', min: '1' }))).toEqual([
      finding('invalid-fact-definition', '/facts/headcount/min', "'min' of 'headcount' must be a number"),
    ]);
  });

  it('rejects a date bound that is not a date', () => {
    expect(lintFact('founded', factFactory({ type: 'date', max: 2020 }))).toEqual([
      finding('invalid-fact-definition', '/facts/founded/max', "'max' of 'founded' must be a date (yyyy-mm-dd)"),
    ]);
  });

  it('rejects an enum on a number fact', () => {
    expect(lintFact('size', factFactory({ enum: ['1', '2'] }))).toEqual([
      finding('invalid-fact-definition', '/facts/size/enum', "'enum' applies to text facts, not to number facts"),
    ]);
  });

  it.each(['score', 'tier', 'points', 'customerId'])("reserves the fact name '%s'", (name) => {
    const findings = lintFact(name, factFactory({ type: 'string', required: false }));

    expect(findings).toContainEqual(
      finding('invalid-fact-definition', `/facts/${name}`, `'${name}' is reserved (the evaluator provides it); choose another name`),
    );
    expect(findings.filter((item) => item.path.startsWith('/facts/'))).toHaveLength(1);
  });

  it('reserves the same names for population facts', () => {
    const document = policyFactory({ population: { score: populationFactFactory() } });

    expect(lintPolicy(document)).toContainEqual(
      finding('invalid-fact-definition', '/population/score', "'score' is reserved; choose another name"),
    );
  });

  it('rejects a default above the maximum', () => {
    expect(lintFact('headcount', factFactory({ type: 'integer', max: 10, required: false, default: 20 }))).toEqual([
      finding('invalid-fact-definition', '/facts/headcount/default', "default of 'headcount' is 20 but must be at most 10"),
    ]);
  });

  it('rejects a default below the minimum', () => {
    expect(lintFact('headcount', factFactory({ type: 'integer', min: 1, required: false, default: 0 }))).toEqual([
      finding('invalid-fact-definition', '/facts/headcount/default', "default of 'headcount' is 0 but must be at least 1"),
    ]);
  });

  it('rejects a default of the wrong type', () => {
    expect(lintFact('blacklisted', factFactory({ type: 'boolean', required: false, default: 'no' }))).toEqual([
      finding('invalid-fact-definition', '/facts/blacklisted/default', `default of 'blacklisted' must be true or false, not "no"`),
    ]);
  });

  it('rejects a default outside the enum', () => {
    const fact = factFactory({ type: 'string', enum: ['soe', 'private'], required: false, default: 'charity' });

    expect(lintFact('nature', fact)).toEqual([
      finding('invalid-fact-definition', '/facts/nature/default', `default of 'nature' must be one of soe, private, not "charity"`),
    ]);
  });

  it('warns that a required fact never uses its default', () => {
    expect(lintFact('headcount', factFactory({ type: 'integer', required: true, default: 1 }))).toEqual([
      finding('invalid-fact-definition', '/facts/headcount/default', "'headcount' is required, so its default is never used", 'warning'),
    ]);
  });

  it('rejects a label for a value the enum does not have', () => {
    const fact = factFactory({ type: 'string', enum: ['soe'], enumLabels: { soe: { en: 'state-owned' }, charity: { en: 'charity' } } });

    expect(lintFact('nature', fact)).toEqual([
      finding('invalid-fact-definition', '/facts/nature/enumLabels/charity', "'charity' is not one of the values of 'nature'"),
    ]);
  });
});

describe('fact catalogue lint: population facts', () => {
  it('accepts a rank of a number fact', () => {
    expect(lintPolicy(policyFactory({ population: { revenueRank: populationFactFactory() } }))).toEqual([]);
  });

  it('flags a population fact computed from an unknown fact', () => {
    const document = policyFactory({ population: { profitRank: populationFactFactory({ of: 'profit' }) } });

    expect(lintPolicy(document)).toEqual([
      finding('unknown-fact', '/population/profitRank/of', "population fact 'profitRank' is computed from unknown fact 'profit'"),
    ]);
  });

  it('does not take a built-in object key for a fact', () => {
    const document = policyFactory({ population: { oddRank: populationFactFactory({ of: 'constructor' }) } });

    expect(lintPolicy(document)).toEqual([
      finding('unknown-fact', '/population/oddRank/of', "population fact 'oddRank' is computed from unknown fact 'constructor'"),
    ]);
  });

  it('needs a numeric fact to rank', () => {
    const document = policyFactory({ population: { natureRank: populationFactFactory({ of: 'nature' }) } });
    document.facts['nature'] = factFactory({ type: 'string', enum: ['soe', 'private'] });

    expect(lintPolicy(document)).toEqual([
      finding('value-type', '/population/natureRank/of', "population fact 'natureRank' needs a numeric fact, but 'nature' is string"),
    ]);
  });
});
