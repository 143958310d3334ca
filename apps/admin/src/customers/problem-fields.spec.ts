import { describe, expect, it } from 'vitest';
import { fieldProblemsOf, placeProblems, pointerTokens } from './problem-fields';

describe('fieldProblemsOf', () => {
  it("reads the api's errors (path) and other apis' (pointer, field; detail)", () => {
    expect(
      fieldProblemsOf({
        code: 'invalid-facts',
        errors: [
          { path: '/facts/growth', message: "'growth' (Growth) is required" },
          { pointer: '/name', detail: 'too long' },
          { field: 'phone', message: 'E.164' },
          'not an object',
        ],
      }),
    ).toEqual([
      { path: '/facts/growth', message: "'growth' (Growth) is required" },
      { path: '/name', message: 'too long' },
      { path: 'phone', message: 'E.164' },
    ]);
    expect(fieldProblemsOf(undefined)).toEqual([]);
    expect(fieldProblemsOf({ detail: 'no errors member' })).toEqual([]);
  });
});

describe('pointerTokens', () => {
  it('unescapes ~1 and ~0', () => {
    expect(pointerTokens('/facts/a~1b~0c')).toEqual(['facts', 'a/b~c']);
    expect(pointerTokens('')).toEqual([]);
  });
});

describe('placeProblems', () => {
  it('puts name, phone and shown facts on their fields, joins two on one field, and keeps the rest apart', () => {
    const placed = placeProblems(
      [
        { path: '/facts/strength', message: "'strength' must be a number" },
        { path: '/facts/strength', message: 'second' },
        { path: '/facts/shoeSize', message: "unknown fact 'shoeSize'" },
        { path: '/phone', message: 'a phone number must be in E.164 form' },
        { path: '/name', message: 'name must be 1 to 200 characters' },
        { path: '', message: 'the body must be a JSON object' },
        { path: '/colour', message: "unknown field 'colour'" },
      ],
      ['strength', 'growth'],
    );
    expect(placed.fields).toEqual({
      name: 'name must be 1 to 200 characters',
      phone: 'a phone number must be in E.164 form',
      facts: { strength: "'strength' must be a number; second" },
    });
    expect(placed.unplaced.map((problem) => problem.path)).toEqual(['/facts/shoeSize', '', '/colour']);
  });
});
