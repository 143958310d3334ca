import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, screenshot, signedInPage } from './support/browser';

describe('signing in', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser.close());

  it('serves the console at / on the api origin and makes no request to another origin', async () => {
    const baseUrl = inject('baseUrl');
    const context = await browser.newContext({ baseURL: baseUrl });
    const page = await context.newPage();
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(baseUrl) && !request.url().startsWith('data:')) foreign.push(request.url());
    });
    await page.goto('/');
    await page.locator('input[name="username"]').waitFor();
    await screenshot(page, '01-login');
    await page.locator('input[name="username"]').fill('nobody');
    await page.locator('input[name="password"]').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('user name or password', { exact: false }).waitFor();
    expect(foreign).toEqual([]);
    await context.close();
  });

  it('takes an agent to the call-centre screen with its input focused', async () => {
    const page = await signedInPage(browser, inject('baseUrl'), 'agent');
    await page.waitForURL(/#\/call-centre/);
    // The screen mounts after the redirect; wait for its input to take the focus, then check it is that input.
    const input = page.getByLabel('Customer id or phone');
    await input.waitFor();
    await page.waitForFunction(() => document.activeElement instanceof HTMLInputElement);
    await expect(input.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await page.context().close();
  });
});
