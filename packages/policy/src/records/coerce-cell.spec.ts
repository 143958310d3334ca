import { describe, expect, it } from 'vitest';
import type { CatalogueFact } from '../catalogue.js';
import type { FactType } from '../document.js';
import { coerceCell } from './coerce-cell.js';

function fact(type: FactType): CatalogueFact {
  return {
    name: 'x',
    type,
    origin: 'record',
    label: { en: 'x' },
    required: false,
    default: undefined,
    min: undefined,
    max: undefined,
    allowed: undefined,
  };
}

describe('coerceCell', () => {
  it.each([
    ['12', 12],
    [' -3.5 ', -3.5],
    ['.5', 0.5],
    ['1e3', 1000],
    ['+7', 7],
  ])('reads %j as the number %d', (cell, value) => {
    expect(coerceCell(fact('number'), cell)).toEqual({ ok: true, value });
  });

  it.each(['abc', '1,000', '0x10', 'Infinity', '1e999', '12 kg', '--1'])('does not guess a number from %j', (cell) => {
    expect(coerceCell(fact('number'), cell)).toEqual({ ok: false, message: `'x' must be a number, not ${JSON.stringify(cell)}` });
  });

  it('leaves whole-number checks of integers to validation', () => {
    expect(coerceCell(fact('integer'), '1.5')).toEqual({ ok: true, value: 1.5 });
  });

  it.each([
    ['true', true],
    ['YES', true],
    ['1', true],
    ['False', false],
    ['no', false],
    ['0', false],
  ])('reads %j as the boolean %s', (cell, value) => {
    expect(coerceCell(fact('boolean'), cell)).toEqual({ ok: true, value });
  });

  it('does not guess a boolean', () => {
    expect(coerceCell(fact('boolean'), 'y')).toMatchObject({ ok: false });
  });

  it('keeps text, dates and unknown columns as written', () => {
    expect(coerceCell(fact('string'), ' soe ')).toEqual({ ok: true, value: ' soe ' });
    expect(coerceCell(fact('date'), '2024-02-30')).toEqual({ ok: true, value: '2024-02-30' });
    expect(coerceCell(undefined, '42')).toEqual({ ok: true, value: '42' });
  });
});
