import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiClient } from './support/api-client';
import { launchChromium, screenshot, signedInPage } from './support/browser';
import { decisionOf, putCustomer, SCORING_78 } from './support/customers';

const CUSTOMER_78 = 'E2E-SCORE-78';

interface HistoryRow {
  customerId: string;
  previousTier: string | null;
  newTier: string | null;
  policy: { id: string; version: number };
  cause: string;
}

// The author raises tier A's threshold in the form editor and tests a customer scoring 78; the publisher
// reads the diff, publishes (the customer falls to B once the grading run has finished) and rolls back (A again).
// The files run in order.
describe('authoring, publishing and rolling back a policy change', () => {
  let browser: Browser;
  let admin: ApiClient;
  let draftVersion: number;

  beforeAll(async () => {
    admin = await ApiClient.signIn(inject('baseUrl'), 'admin');
    await putCustomer(admin, CUSTOMER_78, 'Seventy-Eight Trading', SCORING_78);
    browser = await launchChromium();
  });
  afterAll(() => browser.close());

  it('lets an author raise tier A from 75 to 80 in the form editor and save the draft', async () => {
    expect((await decisionOf(admin, CUSTOMER_78)).tier).toBe('A');
    const page = await signedInPage(browser, inject('baseUrl'), 'author');
    await page.goto('/#/policies/default/show');
    await page.getByRole('button', { name: /^New draft from v1$/ }).click();
    await page.waitForURL(/#\/policies\/default\/versions\/\d+\/edit/);
    draftVersion = Number(/versions\/(\d+)\/edit/.exec(page.url())![1]);

    const threshold = page.getByLabel(/Tier A threshold/);
    await expect(threshold.inputValue()).resolves.toBe('75');
    await threshold.fill('80');
    await threshold.scrollIntoViewIfNeeded();
    await screenshot(page, '10-author-form-threshold-80', { fullPage: false });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page
      .getByText(/Saved: revision/)
      .first()
      .waitFor();
    const saved = await admin.request<{ document: { grading: { tiers: { id: string; conditions?: unknown }[] } } }>(
      'GET',
      `/policies/default/versions/${draftVersion}`,
    );
    expect(JSON.stringify(saved.document.grading.tiers[0]!.conditions)).toContain('80');
    await page.context().close();
  });

  it('shows the author, in the test panel, tier A under the version in force and B under the draft', async () => {
    const page = await signedInPage(browser, inject('baseUrl'), 'author');
    await page.goto(`/#/policies/default/versions/${draftVersion}`);
    const panel = page.getByRole('region', { name: 'Test panel' });
    await panel.getByRole('button', { name: 'Stored customer' }).click();
    await panel.getByLabel('Customer id').fill(CUSTOMER_78);
    const compare = panel.getByLabel(/Also under the version in force/);
    if (!(await compare.isChecked())) await compare.check();
    await panel.getByRole('button', { name: 'Test', exact: true }).click();
    const inForce = panel.getByRole('region', { name: 'In force v1' });
    const draft = panel.getByRole('region', { name: `This draft v${draftVersion}` });
    await inForce.getByText('Tier A', { exact: true }).waitFor();
    await draft.getByText('Tier B', { exact: true }).waitFor();
    await screenshot(page, '11-author-test-panel-A-then-B');
    await page.context().close();
  });

  it('lets a publisher read the diff summary, publish, and see the customer fall to B with a history row naming the version', async () => {
    const page = await signedInPage(browser, inject('baseUrl'), 'publisher');
    await page.goto(`/#/policies/default/diff?from=1&to=${draftVersion}`);
    await page.getByText('tier A threshold 75 -> 80').first().waitFor();
    await screenshot(page, '12-publisher-diff');

    await page.goto(`/#/policies/default/versions/${draftVersion}`);
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`Version ${draftVersion} will be in force for every customer.`).waitFor();
    await dialog.getByText('tier A threshold 75 -> 80').waitFor();
    await screenshot(page, '13-publisher-confirm-publish');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText(`v${draftVersion} is in force`).first().waitFor();
    // The version is in force at once; its grading run re-grades the customers afterwards.
    await page
      .getByText(/customers re-graded/)
      .first()
      .waitFor();
    await screenshot(page, '14-publisher-published');

    const decision = await decisionOf(admin, CUSTOMER_78);
    expect(decision).toMatchObject({ tier: 'B', policy: { version: draftVersion } });
    const history = await admin.request<HistoryRow[]>('GET', `/customers/${CUSTOMER_78}/tier-history`);
    expect(history.find((row) => row.newTier === 'B')).toMatchObject({
      previousTier: 'A',
      policy: { version: draftVersion },
      cause: 'policy-publish',
    });

    await page.goto(`/#/customers/${CUSTOMER_78}/show`);
    await page.getByText(`v${draftVersion}`).first().waitFor();
    await screenshot(page, '15-publisher-customer-now-B');
    await page.context().close();
  });

  it('lets a publisher roll back to v1, which restores tier A', async () => {
    const page = await signedInPage(browser, inject('baseUrl'), 'publisher');
    await page.goto('/#/policies/default/versions/1');
    await page.getByRole('button', { name: 'Rollback', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/will be in force again/).waitFor();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await page
      .getByText(/Rolled back/)
      .first()
      .waitFor();
    await page
      .getByText(/customers re-graded/)
      .first()
      .waitFor();
    await screenshot(page, '16-publisher-rolled-back');
    const decision = await decisionOf(admin, CUSTOMER_78);
    expect(decision.tier).toBe('A');
    expect(decision.policy.version).toBeGreaterThan(draftVersion);
    await page.context().close();
  });
});
