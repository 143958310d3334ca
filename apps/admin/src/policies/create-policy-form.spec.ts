import { HttpError } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { createPolicyErrors, createPolicyRequest, parsePolicyFile } from './create-policy-form';

describe('the Create policy dialog', () => {
  const form = { id: ' strict-a ', nameEn: '', nameZh: '', document: null };

  it('sends the id alone for an empty policy named by the api', () => {
    expect(createPolicyRequest(form)).toEqual({ id: 'strict-a' });
  });

  it('sends the name in English, with Chinese when given, and the uploaded document', () => {
    const document = { grading: { tiers: [] } };
    expect(createPolicyRequest({ ...form, nameEn: ' Strict A ', document })).toEqual({
      id: 'strict-a',
      name: { en: 'Strict A' },
      document,
    });
    expect(createPolicyRequest({ ...form, nameEn: 'Strict A', nameZh: '严格 A' })).toEqual({
      id: 'strict-a',
      name: { en: 'Strict A', zh: '严格 A' },
    });
    // Chinese without English goes as typed: the api says what is missing, under the name.
    expect(createPolicyRequest({ ...form, nameZh: '严格 A' })).toEqual({ id: 'strict-a', name: { en: '', zh: '严格 A' } });
  });

  it('reads an uploaded file as a JSON object, or says why not', () => {
    expect(parsePolicyFile('{"facts": {}}')).toEqual({ document: { facts: {} } });
    expect(parsePolicyFile('{"facts": ')).toEqual({ error: 'notJson' });
    expect(parsePolicyFile('[1, 2]')).toEqual({ error: 'notAnObject' });
    expect(parsePolicyFile('null')).toEqual({ error: 'notAnObject' });
  });

  it("places the api's refusals on their fields", () => {
    const invalid = new HttpError('the request has 2 problems', 400, {
      code: 'invalid-request',
      errors: [
        { path: '/id', message: "id must be 1-64 letters, digits, '_' or '-', starting with a letter" },
        { path: '/name', message: 'name must be text' },
      ],
    });
    expect(createPolicyErrors(invalid)).toEqual({
      id: "id must be 1-64 letters, digits, '_' or '-', starting with a letter",
      name: 'name must be text',
      document: undefined,
    });
    const exists = new HttpError("policy 'strict-a' already exists", 409, { code: 'policy-exists' });
    expect(createPolicyErrors(exists)).toEqual({ id: "policy 'strict-a' already exists" });
    expect(createPolicyErrors(new HttpError('forbidden', 403, { code: 'forbidden' }))).toEqual({ other: 'forbidden' });
    expect(createPolicyErrors(null)).toEqual({});
  });
});
