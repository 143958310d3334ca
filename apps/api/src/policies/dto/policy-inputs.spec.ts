import { describe, expect, it } from 'vitest';
import { DomainException } from '../../common/domain.exception.js';
import { parseCreateDraft, parsePolicyTest, parsePublish, parseUpdateDraft, parseVersionParam } from './policy-inputs.js';

function problems(work: () => unknown): { path: string; message: string }[] {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainException) return [...error.errors];
    throw error;
  }
  throw new Error('expected the input to be refused');
}

describe('policy request bodies', () => {
  it('reads the three ways to start a draft', () => {
    expect(parseCreateDraft(undefined)).toEqual({ source: { kind: 'empty' }, note: null });
    expect(parseCreateDraft({ copyOf: 2, note: '  raise A  ' })).toEqual({ source: { kind: 'copy', version: 2 }, note: 'raise A' });
    expect(parseCreateDraft({ document: { name: { en: 'x' } } }).source).toEqual({ kind: 'document', document: { name: { en: 'x' } } });
  });

  it('reports every problem of a draft request at once', () => {
    expect(
      problems(() => parseCreateDraft({ document: [], copyOf: 0, colour: 'red' }))
        .map((e) => e.path)
        .sort(),
    ).toEqual(['/colour', '/copyOf', '/copyOf', '/document']);
    expect(problems(() => parseCreateDraft('policy'))).toEqual([{ path: '', message: expect.stringContaining('must be an object') }]);
  });

  it('needs the edited revision from the body or If-Match, and refuses two that disagree', () => {
    expect(parseUpdateDraft({ document: {}, revision: 3 }, undefined).revision).toBe(3);
    expect(parseUpdateDraft({ document: {} }, 4).revision).toBe(4);
    expect(parseUpdateDraft({ document: {}, revision: 4 }, 4).note).toBeUndefined();
    expect(problems(() => parseUpdateDraft({ document: {} }, undefined))).toEqual([
      { path: '/revision', message: expect.stringContaining('which revision') },
    ]);
    expect(problems(() => parseUpdateDraft({ document: {}, revision: 3 }, 4))).toEqual([
      { path: '/revision', message: 'revision 3 and If-Match "4" disagree' },
    ]);
    expect(problems(() => parseUpdateDraft({ document: 'x', revision: 1 }, undefined))).toEqual([
      { path: '/document', message: expect.any(String) },
    ]);
  });

  it('takes an optional confirmation of the version a publication replaces', () => {
    expect(parsePublish(undefined, undefined)).toEqual({ supersedes: undefined, revision: undefined });
    expect(parsePublish({ supersedes: null }, 2)).toEqual({ supersedes: null, revision: 2 });
    expect(problems(() => parsePublish({ supersedes: 'latest' }, undefined))).toEqual([
      { path: '/supersedes', message: expect.any(String) },
    ]);
  });

  it('tests either facts or a stored customer', () => {
    expect(parsePolicyTest({ facts: { strength: 3 } })).toEqual({ kind: 'facts', facts: { strength: 3 } });
    expect(parsePolicyTest({ customerId: 'C-0001' })).toEqual({ kind: 'customer', customerId: 'C-0001' });
    expect(problems(() => parsePolicyTest({ facts: {}, customerId: 'C-1' }))).toEqual([
      { path: '/customerId', message: expect.any(String) },
    ]);
    expect(problems(() => parsePolicyTest({ facts: { customerId: 'C-1' } }))).toEqual([
      { path: '/facts/customerId', message: expect.any(String) },
    ]);
    expect(problems(() => parsePolicyTest({ customerId: 'no spaces allowed' }))).toEqual([
      { path: '/customerId', message: expect.any(String) },
    ]);
  });

  it('reads version numbers from paths strictly', () => {
    expect(parseVersionParam('12', '/version')).toBe(12);
    for (const raw of ['0', '-1', '1.5', 'one', '', '1e3', '0x10']) {
      expect(problems(() => parseVersionParam(raw, '/version'))).toEqual([{ path: '/version', message: expect.any(String) }]);
    }
  });
});
