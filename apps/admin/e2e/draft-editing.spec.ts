import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiClient } from './support/api-client';
import { launchChromium, screenshot, signedInPage } from './support/browser';

interface VersionView {
  version: number;
  revision: number;
  document: { grading: { tiers: { conditions?: { all: { operator: string }[] } }[] } };
}

describe('editing one draft', () => {
  let browser: Browser;
  let author: ApiClient;
  let draft: VersionView;

  beforeAll(async () => {
    author = await ApiClient.signIn(inject('baseUrl'), 'author');
    const policy = await author.request<{ publishedVersion: number }>('GET', '/policies/default');
    draft = await author.request<VersionView>('POST', '/policies/default/versions', { copyOf: policy.publishedVersion });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await author.request('DELETE', `/policies/default/versions/${draft.version}`);
    await browser.close();
  });

  const openEditor = async (page: Page) => {
    await page.goto(`/#/policies/default/versions/${draft.version}/edit`);
    await page.getByLabel(/Tier A threshold/).waitFor();
  };

  it('tells the second of two sessions that someone else saved first, and keeps its text', async () => {
    const first = await signedInPage(browser, inject('baseUrl'), 'author');
    const second = await signedInPage(browser, inject('baseUrl'), 'admin');
    await openEditor(first);
    await openEditor(second);

    await first.getByLabel(/Tier A threshold/).fill('81');
    await first.getByRole('button', { name: 'Save', exact: true }).click();
    await first
      .getByText(/Saved: revision/)
      .first()
      .waitFor();

    await second.getByLabel(/Tier A threshold/).fill('82');
    await second.getByRole('button', { name: 'Save', exact: true }).click();
    await second
      .getByText(/someone else saved/i)
      .first()
      .waitFor();
    await screenshot(second, '40-draft-conflict');
    await expect(second.getByLabel(/Tier A threshold/).inputValue()).resolves.toBe('82');

    const stored = await author.request<VersionView>('GET', `/policies/default/versions/${draft.version}`);
    expect(JSON.stringify(stored.document.grading.tiers[0]!.conditions)).toContain('81');
    await first.context().close();
    await second.context().close();
  });

  it('shows a schema error in the JSON tab for a misspelt operator', async () => {
    const page = await signedInPage(browser, inject('baseUrl'), 'author');
    await openEditor(page);
    await page.getByRole('tab', { name: 'JSON' }).click();
    const editor = page.locator('.monaco-editor').first();
    await editor.waitFor();
    const stored = await author.request<VersionView>('GET', `/policies/default/versions/${draft.version}`);
    const misspelt = JSON.stringify(stored.document, null, 2).replace('"greaterThanInclusive"', '"greaterThanInclusiv"');
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(misspelt);
    // Monaco's own marker (the red squiggle) and the same problem listed as text under the editor
    await page
      .getByRole('list', { name: 'Editor problems' })
      .getByText(/"greaterThanInclusiv"/)
      .first()
      .waitFor();
    await page.locator('.squiggly-error').first().waitFor();
    await screenshot(page, '41-json-tab-schema-error');
    await page.context().close();
  });
});
