import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { customersCsvHeader, customersCsvLines, treatmentsText } from './customers-csv.js';

describe('treatmentsText', () => {
  it('writes each treatment as `type: param=value, ...`, parted by semicolons, in the decision order', () => {
    expect(
      treatmentsText({
        queue: { priority: 9, greenChannel: false, slaTarget: 0.85 },
        fee: { amount: 40, currency: 'HKD', period: 'month' },
        waiver: {},
      }),
    ).toBe('queue: priority=9, greenChannel=false, slaTarget=0.85; fee: amount=40, currency=HKD, period=month; waiver');
    expect(treatmentsText({})).toBe('');
    expect(treatmentsText(null)).toBe('');
  });

  it('quotes text that would read as a separator, a number, true or nothing, and writes lists and objects as JSON', () => {
    expect(
      treatmentsText({
        notice: {
          reason: 'late; twice, "really"',
          code: '007',
          flag: 'true',
          blank: '',
          padded: ' x',
          at: '09:30',
          sum: 'a=b',
          tags: ['x', 1],
          limits: { daily: 2 },
          none: null,
          'odd name: here': 1,
        },
      }),
    ).toBe(
      'notice: reason="late; twice, \\"really\\"", code="007", flag="true", blank="", padded=" x", at=09:30, sum=a=b, ' +
        'tags=["x",1], limits={"daily":2}, none=null, "odd name: here"=1',
    );
  });
});

describe('customers CSV lines', () => {
  it('write a customer with no decision as empty cells after its id and name', () => {
    const csv =
      customersCsvHeader() +
      customersCsvLines([
        {
          id: 'C-1',
          name: 'Acme',
          tier: null,
          score: null,
          treatments: null,
          policyId: null,
          policyVersion: null,
          policyHash: null,
          gradedAt: null,
          tierOverride: null,
        },
        {
          id: 'C-2',
          name: 'Beta',
          tier: 'A',
          score: 81.5,
          treatments: { accountManager: { dedicated: true } },
          policyId: 'default',
          policyVersion: 3,
          policyHash: 'sha256:ab',
          gradedAt: new Date('2026-11-30T08:00:00.000Z'),
          tierOverride: { tier: 'A', reason: 'board', by: 'user:alice', at: '2026-11-29T00:00:00.000Z' },
        },
      ]);
    expect(csv.split('\r\n')).toEqual([
      'id,name,tier,score,treatments,policyId,policyVersion,policyHash,gradedAt,tierOverride,tierOverrideReason',
      'C-1,Acme,,,,,,,,,',
      'C-2,Beta,A,81.5,accountManager: dedicated=true,default,3,sha256:ab,2026-11-30T08:00:00.000Z,A,board',
      '',
    ]);
    expect(parse(csv, { columns: true })).toHaveLength(2);
  });
});
