import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, screenshot, signedInPage } from './support/browser';

// What an auditor takes away: the CSV export of tier history and of the audit log, as the lists hold them.
describe('an auditor exporting', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchChromium();
    page = await signedInPage(browser, inject('baseUrl'), 'auditor');
  });
  afterAll(() => browser.close());

  const exportCsv = async (): Promise<string[]> => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const text = await readFile(await download.path(), 'utf8');
    return text.trim().split(/\r?\n/);
  };

  it('downloads tier history as CSV, one line per history row the list counts, each row linking to its customer', async () => {
    await page.goto('/#/tier-history');
    const customerLink = page.getByRole('link', { name: /^Open customer C-\d{4}/ }).first();
    await customerLink.waitFor();
    expect(await customerLink.getAttribute('href')).toMatch(/#\/customers\/C-\d{4}\/show$/);
    const total = Number(
      (await page
        .getByText(/^\d+-\d+ of \d+$/)
        .first()
        .textContent())!.split(' of ')[1],
    );
    const lines = await exportCsv();
    expect(lines[0]).toContain('customerId');
    expect(lines).toHaveLength(total + 1);
    await screenshot(page, '60-auditor-tier-history');
  });

  it('downloads the audit log as CSV', async () => {
    await page.goto('/#/audit-events');
    await page
      .getByText(/^\d+-\d+ of \d+$/)
      .first()
      .waitFor();
    const lines = await exportCsv();
    expect(lines.length).toBeGreaterThan(1);
    await screenshot(page, '61-auditor-audit-log');
  });
});
