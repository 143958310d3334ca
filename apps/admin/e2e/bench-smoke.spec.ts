import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { timeLookups } from '../bench/call-centre-timing';
import { launchChromium, signedInPage } from './support/browser';

// `npm run bench` times many lookups; here the same measurement runs at a smoke size so it keeps working.
// No timing is asserted.
describe('the call-centre bench at a smoke size', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser.close());

  it('measures one time per lookup, from Enter to the decision on screen', async () => {
    const page = await signedInPage(browser, inject('baseUrl'), 'agent');
    const timings = await timeLookups(page, ['C-0001', 'C-0002', 'C-0003']);
    expect(timings.lookups).toBe(3);
    expect(timings.p50).toBeGreaterThan(0);
    expect(timings.max).toBeGreaterThanOrEqual(timings.p95);
    await page.context().close();
  });
});
