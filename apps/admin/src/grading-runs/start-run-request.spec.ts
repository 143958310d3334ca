import { describe, expect, it } from 'vitest';
import { contentRangeTotal } from './grading-runs-api';
import { parseCustomerIds, startRunRequest } from './start-run-request';

describe('starting a run by hand', () => {
  it('asks for every customer when nothing narrows it', () => {
    expect(startRunRequest([], '  \n ')).toEqual({});
  });

  it('narrows to tiers and to ids, both at once', () => {
    expect(startRunRequest(['C', 'none'], 'C-0001, C-0002\nC-0003;C-0001')).toEqual({
      filter: { tiers: ['C', 'none'], ids: ['C-0001', 'C-0002', 'C-0003'] },
    });
  });

  it('reads ids separated by commas, semicolons, spaces or new lines, each once', () => {
    expect(parseCustomerIds(' A-1,A-2 ;A-3\tA-1\r\nA-4 ')).toEqual(['A-1', 'A-2', 'A-3', 'A-4']);
  });
});

describe("a failures page's total", () => {
  it('is read from Content-Range', () => {
    expect(contentRangeTotal('failures 0-24/312')).toBe(312);
    expect(contentRangeTotal('failures */0')).toBe(0);
  });

  it('is unknown without the header', () => {
    expect(contentRangeTotal(null)).toBeNull();
    expect(contentRangeTotal('failures 0-24/*')).toBeNull();
  });
});
