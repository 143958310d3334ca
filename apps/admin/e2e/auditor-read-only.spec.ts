import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, screenshot, signedInPage } from './support/browser';

// Every page an auditor can reach from the menu, plus the detail pages behind them.
const PAGES = [
  { name: 'dashboard', hash: '#/' },
  { name: 'call-centre', hash: '#/call-centre' },
  { name: 'customers', hash: '#/customers' },
  { name: 'customer', hash: '#/customers/C-0001/show' },
  { name: 'policies', hash: '#/policies' },
  { name: 'policy', hash: '#/policies/default/show' },
  { name: 'policy-version', hash: '#/policies/default/versions/1' },
  { name: 'policy-diff', hash: '#/policies/default/diff?from=1&to=1' },
  { name: 'tier-history', hash: '#/tier-history' },
  { name: 'audit-events', hash: '#/audit-events' },
  { name: 'users', hash: '#/users' },
];

// Names of controls that would change something. Looking things up, testing a policy on made-up facts,
// filtering, exporting and switching language write nothing.
const NOT_WRITING = /filter|export|language|english|简体中文/i;
const WRITING = /\b(save|delete|remove|create|new|add|edit|publish|roll ?back|import|override|unlock|revoke|disable|enable|confirm)\b/i;

describe('an auditor', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await signedInPage(browser, inject('baseUrl'), 'auditor');
  });
  afterAll(() => browser.close());

  it.each(PAGES)('sees the $name page and no control that writes', async ({ name, hash }) => {
    await page.goto(`/${hash}`);
    await page.waitForLoadState('networkidle');
    await expect(page.getByText(/not found|access denied|unauthorized/i).count()).resolves.toBe(0);
    const controls = await page
      .locator('button, a[role="button"], [role="menuitem"]')
      .evaluateAll((elements) =>
        elements
          .filter((element) => !(element as HTMLButtonElement).disabled && (element as HTMLElement).offsetParent !== null)
          .map((element) => (element.getAttribute('aria-label') || element.textContent || '').trim()),
      );
    expect(controls.filter((label) => WRITING.test(label) && !NOT_WRITING.test(label))).toEqual([]);
    await screenshot(page, `30-auditor-${name}`);
  });
});
