import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { USERS, type Role } from './api-client';

// Debian's Chromium (installed by .ci/run), never a downloaded browser. See STACK-NOTES.
const CHROMIUM = process.env['TIERWISE_CHROMIUM'] ?? '/usr/bin/chromium';
const SCREENSHOTS = fileURLToPath(new URL('../../e2e-screenshots/', import.meta.url));

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh browser context (its own storage, as a second person would have), signed in as `role`. */
export async function signedInPage(browser: Browser, baseUrl: string, role: Role): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1400, height: 900 }, locale: 'en-GB' });
  const page = await context.newPage();
  // A script error in the console is a bug even when the step still passes: show it in the test output.
  page.on('pageerror', (error) => console.error(`[${role}] page error: ${error.message}`));
  await page.goto('/');
  await page.locator('input[name="username"]').fill(USERS[role].username);
  await page.locator('input[name="password"]').fill(USERS[role].password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.hash.includes('/login'));
  return page;
}

/** Keeps a picture of a step under apps/admin/e2e-screenshots/ (git-ignored). */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}${name}.png`;
  await page.screenshot({ path, fullPage: options.fullPage ?? true });
  return path;
}
