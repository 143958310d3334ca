import { describe, expect, it } from 'vitest';
import { isAuditedRefusal } from './sign-in-audit-sampling.js';

describe('isAuditedRefusal', () => {
  it('audits the 1st, 10th, 100th and 1,000th refusal of a name from an address, and no others', () => {
    const audited = Array.from({ length: 2000 }, (_, i) => i + 1).filter((n) => isAuditedRefusal({ byNameAndAddress: n, byAddress: n }));
    expect(audited).toEqual([1, 10, 100, 1000]);
  });

  it('audits at most 20 names tried from one address, then only its 100th, 1,000th, ... refusal', () => {
    const audited = Array.from({ length: 5000 }, (_, i) => i + 1).filter((n) => isAuditedRefusal({ byNameAndAddress: 1, byAddress: n }));
    expect(audited).toEqual([...Array.from({ length: 20 }, (_, i) => i + 1), 100, 1000]);
  });
});
