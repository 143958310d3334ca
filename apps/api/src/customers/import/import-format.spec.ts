import { describe, expect, it } from 'vitest';
import { DomainException } from '../../common/domain.exception.js';
import { ErrorCode } from '../../common/error-code.js';
import { importFormatOf } from './import-format.js';

describe('importFormatOf', () => {
  it.each([
    ['application/x-ndjson', 'jsonl'],
    ['application/jsonl', 'jsonl'],
    ['text/csv', 'csv'],
    ['Text/CSV; charset="UTF-8"', 'csv'],
    ['application/x-ndjson;charset=utf8', 'jsonl'],
    ['text/csv; header=present', 'csv'],
  ])('reads %j as %s', (contentType, format) => {
    expect(importFormatOf(contentType)).toBe(format);
  });

  it.each([undefined, '', 'application/json', 'text/plain', 'text/csv; charset=windows-1252', 'text/csvx'])(
    'refuses %j with 415',
    (contentType) => {
      let thrown: unknown;
      try {
        importFormatOf(contentType);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DomainException);
      expect((thrown as DomainException).code).toBe(ErrorCode.UnsupportedMediaType);
    },
  );
});
