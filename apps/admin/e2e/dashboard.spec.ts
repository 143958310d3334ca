import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiClient } from './support/api-client';
import { launchChromium, screenshot, signedInPage } from './support/browser';

interface TierRow {
  tier: string;
  customers: number;
}

describe('the dashboard, a business user’s home page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser.close());

  it('shows customers per tier as the api counts them, both pyramids and the value matrix drawn', async () => {
    const publisher = await ApiClient.signIn(inject('baseUrl'), 'publisher');
    const { tiers } = await publisher.request<{ tiers: TierRow[] }>('GET', '/dashboard/tiers');
    const page = await signedInPage(browser, inject('baseUrl'), 'publisher');
    const perTier = page.getByRole('table', { name: 'Customers per tier' });
    for (const { tier, customers } of tiers) {
      await perTier
        .getByRole('row')
        .filter({ hasText: new RegExp(`^${tier}\\b`) })
        .filter({ hasText: String(customers) })
        .waitFor();
    }
    // ECharts draws on a canvas inside each labelled chart (a lazy chunk: the login page does not load it)
    for (const chart of [/^Count pyramid/, /^Value pyramid/, /^Value matrix heatmap/]) {
      await page.getByRole('img', { name: chart }).locator('canvas').first().waitFor();
    }
    await page.waitForLoadState('networkidle');
    await screenshot(page, '50-dashboard');
    expect(tiers.length).toBeGreaterThan(0);
    await page.context().close();
  });
});
