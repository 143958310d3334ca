import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiClient } from './support/api-client';
import { launchChromium, screenshot, signedInPage } from './support/browser';
import { decisionOf, putCustomer, SCORING_78, type StoredDecision } from './support/customers';

const BLACKLISTED_ID = 'E2E-BLACK-1';

describe('the call-centre screen, as an agent uses it', () => {
  let browser: Browser;
  let page: Page;
  let blacklisted: StoredDecision;

  beforeAll(async () => {
    const baseUrl = inject('baseUrl');
    const admin = await ApiClient.signIn(baseUrl, 'admin');
    await putCustomer(admin, BLACKLISTED_ID, 'Blacklisted Holdings', { ...SCORING_78, blacklisted: true });
    blacklisted = await decisionOf(admin, BLACKLISTED_ID);
    browser = await launchChromium();
    page = await signedInPage(browser, baseUrl, 'agent');
    await page.waitForURL(/#\/call-centre/);
    // Keyboard only from here: wait until the screen has put the focus in its input.
    const input = page.getByLabel('Customer id or phone');
    await input.waitFor();
    await page.waitForFunction(() => document.activeElement instanceof HTMLInputElement);
  });
  afterAll(() => browser.close());

  const lookUp = async (text: string) => {
    // Keyboard only: the input has the focus on load and keeps it after each answer.
    await page.keyboard.press('Control+A');
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  };

  it('shows a blacklisted caller with a warning that cannot be missed and the explanation as the api gives it', async () => {
    await lookUp(BLACKLISTED_ID);
    const warning = page.getByRole('alert').filter({ hasText: /blacklist/i });
    await warning.waitFor();
    for (const line of blacklisted.explanation) await page.getByText(line, { exact: true }).waitFor();
    await expect(page.getByText(`v${blacklisted.policy.version}`, { exact: false }).first().isVisible()).resolves.toBe(true);
    await screenshot(page, '20-call-centre-blacklisted');
  });

  it('says plainly that an unknown id is unknown', async () => {
    await lookUp('NO-SUCH-CUSTOMER-42');
    await page.getByText(/no customer/i).waitFor();
    await expect(page.getByText('NO-SUCH-CUSTOMER-42', { exact: false }).first().isVisible()).resolves.toBe(true);
    await expect(
      page
        .getByRole('alert')
        .filter({ hasText: /blacklist/i })
        .count(),
    ).resolves.toBe(0);
    await screenshot(page, '21-call-centre-unknown');
  });

  it('turns the call-centre screen and the menu into Chinese, and remembers the choice', async () => {
    // react-admin's locale menu is a button named after the current language
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await page.getByLabel('客户编号或电话').waitFor();
    await page.getByRole('menuitem', { name: '呼叫中心' }).first().waitFor();
    await screenshot(page, '22-call-centre-zh-cn');
    await page.reload();
    await page.getByLabel('客户编号或电话').waitFor();
    // back to English for whoever signs in next in this browser
    await page.getByRole('button', { name: '简体中文', exact: true }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByLabel('Customer id or phone').waitFor();
  });
});
