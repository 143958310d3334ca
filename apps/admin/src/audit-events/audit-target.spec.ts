import { describe, expect, it } from 'vitest';
import { parseAuditTarget } from './audit-target';

describe('parseAuditTarget', () => {
  it('reads the targets the api writes', () => {
    expect(parseAuditTarget('customer:C-1001')).toEqual({ kind: 'customer', customerId: 'C-1001' });
    expect(parseAuditTarget('customer:ns:42')).toEqual({ kind: 'customer', customerId: 'ns:42' });
    expect(parseAuditTarget('policy:default@3')).toEqual({ kind: 'policy-version', policyId: 'default', version: 3 });
    expect(parseAuditTarget('user:alice@example.com')).toEqual({ kind: 'user', username: 'alice@example.com' });
    expect(parseAuditTarget('api-key:0b7e')).toEqual({ kind: 'api-key', id: '0b7e' });
  });

  it('keeps anything else as text', () => {
    expect(parseAuditTarget('customers')).toEqual({ kind: 'other', text: 'customers' });
    expect(parseAuditTarget('user:')).toEqual({ kind: 'other', text: 'user:' });
    expect(parseAuditTarget('policy:default')).toEqual({ kind: 'other', text: 'policy:default' });
  });
});
