import { HttpError } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from './field-errors';

describe('fieldErrorsOf', () => {
  it("puts each of the api's field problems under its input, the first per field", () => {
    const error = new HttpError('the request has 3 problems', 400, {
      errors: [
        { path: '/password', message: 'password must be 12 to 1024 characters' },
        { path: '/role', message: 'role must be one of admin, author' },
        { path: '/password', message: 'a second problem' },
      ],
    });
    expect(fieldErrorsOf(error)).toEqual({ password: 'password must be 12 to 1024 characters', role: 'role must be one of admin, author' });
  });

  it('gives nothing for an error without field problems', () => {
    expect(fieldErrorsOf(new HttpError('user-exists', 409, { detail: 'exists' }))).toBeUndefined();
    expect(fieldErrorsOf(new Error('network'))).toBeUndefined();
    expect(fieldErrorsOf(new HttpError('x', 400, { errors: [{ path: '', message: 'the body must be an object' }] }))).toBeUndefined();
  });
});
