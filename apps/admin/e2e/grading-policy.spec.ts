import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiClient } from './support/api-client';
import { launchChromium, screenshot, signedInPage } from './support/browser';
import { decisionOf, putCustomer, SCORING_78 } from './support/customers';
import { finishedRun, makeGrading, type RunView } from './support/grading-runs';

const CUSTOMER_78 = 'E2E-GRADING-78';
const STRICT = 'strict-a';

interface PolicyView {
  id: string;
  publishedVersion: number | null;
  latestVersion: number | null;
  drafts: number;
  grading: boolean;
  schedule: string;
}

interface Document {
  grading: { tiers: { id: string; conditions?: { all: { fact: string; value: number }[] } }[] };
  [key: string]: unknown;
}

/** The shipped policy's document with tier A's threshold raised from 75 to 80: a customer scoring 78 falls to B. */
function withTierAAt80(document: Document): Document {
  const copy = structuredClone(document);
  const threshold = copy.grading.tiers[0]!.conditions!.all[0]!;
  expect(threshold).toMatchObject({ fact: 'score', value: 75 });
  threshold.value = 80;
  return copy;
}

/** The migration grid as the console shows it: tier before -> tier after -> customers, read cell by cell. */
async function readMigrationGrid(table: Locator): Promise<Record<string, Record<string, number>>> {
  const rows = await table.evaluate((element) =>
    [...(element as HTMLTableElement).rows].map((row) => [...row.cells].map((cell) => cell.textContent?.trim() ?? '')),
  );
  const tierOf = (text: string) => (text === 'no tier' ? 'none' : text);
  const columns = rows[0]!.slice(1, -1).map(tierOf);
  const grid: Record<string, Record<string, number>> = {};
  for (const row of rows.slice(1, -1)) {
    grid[tierOf(row[0]!)] = Object.fromEntries(columns.map((to, index) => [to, Number(row[index + 1])]));
  }
  return grid;
}

/** The run's migration with every cell of the square grid, zeros included, as the console lays it out. */
function fullGrid(run: RunView, tiers: string[]): Record<string, Record<string, number>> {
  return Object.fromEntries(tiers.map((from) => [from, Object.fromEntries(tiers.map((to) => [to, run.migration[from]?.[to] ?? 0]))]));
}

/** Waits for transitions to end (a dialog fading in), so a screenshot shows the page as a person sees it. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
}

async function fillWhenFocusable(page: Page, field: Locator, text: string): Promise<void> {
  // Dialogs open with a transition: type only once the field is visible and has taken the focus.
  await field.waitFor({ state: 'visible' });
  await field.focus();
  await page.waitForFunction((id) => document.activeElement?.id === id, await field.getAttribute('id'));
  await field.fill(text);
}

// An author simulates a draft raising tier A to 80 and reads what it would do; then a second policy with that rule is
// created from an uploaded file, published, given a schedule and made the grading policy, and a customer is re-graded
// by it. Afterwards `default` grades again and the draft is discarded, as the other files expect.
describe('simulating a draft, and a second policy that grades the customers', () => {
  let browser: Browser;
  let admin: ApiClient;
  let author: ApiClient;
  let inForce: number;
  let shipped: Document;
  let draft: { version: number; revision: number } | undefined;

  beforeAll(async () => {
    admin = await ApiClient.signIn(inject('baseUrl'), 'admin');
    author = await ApiClient.signIn(inject('baseUrl'), 'author');
    await putCustomer(admin, CUSTOMER_78, 'Grading Switch Trading', SCORING_78);
    const policy = await admin.request<PolicyView>('GET', '/policies/default');
    expect(policy.grading).toBe(true);
    inForce = policy.publishedVersion!;
    shipped = (await admin.request<{ document: Document }>('GET', `/policies/default/versions/${inForce}`)).document;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await makeGrading(admin, 'default');
    if (draft) await author.request('DELETE', `/policies/default/versions/${draft.version}`);
    await browser.close();
  });

  it("lets an author simulate a draft raising tier A to 80 and shows the api's migration grid and treatment deltas", async () => {
    const created = await author.request<{ version: number; revision: number }>('POST', '/policies/default/versions', { copyOf: inForce });
    draft = await author.request('PUT', `/policies/default/versions/${created.version}`, {
      document: withTierAAt80(shipped),
      revision: created.revision,
    });
    const page = await signedInPage(browser, inject('baseUrl'), 'author');
    await page.goto(`/#/policies/default/versions/${draft!.version}`);
    const panel = page.getByRole('region', { name: 'Impact simulation' });
    await panel.getByText('This draft has not been simulated yet.').waitFor();
    await panel.getByRole('button', { name: 'Simulate', exact: true }).click();
    await panel.getByText(/customers graded under this draft/).waitFor({ timeout: 60_000 });

    const runLink = await panel.getByRole('link', { name: /^Simulation #\d+$/ }).textContent();
    const run = await finishedRun(admin, Number(/#(\d+)/.exec(runLink!)![1]));
    expect(run).toMatchObject({ kind: 'simulation', status: 'succeeded', policy: { id: 'default', version: draft!.version } });
    expect(run.migration['A']?.['B']).toBeGreaterThan(0);
    await panel.getByText(`${run.evaluated} customers graded under this draft: ${run.changed} would change tier.`).waitFor();

    const shown = await readMigrationGrid(panel.getByRole('table', { name: 'Who moved where' }));
    expect(shown).toEqual(fullGrid(run, Object.keys(shown)));
    expect(Object.keys(shown)).toEqual(expect.arrayContaining(['A', 'B', 'C']));

    const costs = await panel.getByRole('list', { name: 'What it costs' }).getByRole('listitem').allTextContents();
    const { before, after } = run.treatments!;
    const net = after.feeCharged - before.feeCharged;
    expect(costs[0]).toMatch(
      net === 0
        ? new RegExp(`^Accounts charged the fee: unchanged at ${after.feeCharged}\\b`)
        : new RegExp(`^${net > 0 ? '\\+' : '−'}${Math.abs(net)} accounts? charged the fee`),
    );
    expect(costs).toEqual(
      expect.arrayContaining([
        `Dedicated account managers needed: ${before.dedicatedAccountManagers} → ${after.dedicatedAccountManagers}`,
        `Green channel: ${before.greenChannel} → ${after.greenChannel} customers`,
      ]),
    );
    expect(costs.some((line) => line.includes(`${before.blacklisted} → ${after.blacklisted}`))).toBe(true);
    await page.getByText(/^Simulation #\d+ started$/).waitFor({ state: 'hidden' });
    await screenshot(page, '70-author-simulation-grid-and-costs');
    await page.context().close();
  });

  it('lets an author create a second policy from an uploaded document with tier A at 80', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tierwise-e2e-')), `${STRICT}.json`);
    writeFileSync(file, JSON.stringify(withTierAAt80(shipped), null, 2));
    const page = await signedInPage(browser, inject('baseUrl'), 'author');
    await page.goto('/#/policies');
    await page.getByRole('button', { name: 'Create policy' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create a policy' });
    await fillWhenFocusable(page, dialog.getByLabel('Id'), STRICT);
    await fillWhenFocusable(page, dialog.getByLabel('Name (English)'), 'Strict key accounts');
    await dialog.locator('input[type="file"]').setInputFiles(file);
    await dialog.getByText(`Version 1 will be a draft of ${STRICT}.json.`).waitFor();
    await settled(page);
    await screenshot(page, '71-author-create-policy');
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await page.waitForURL(new RegExp(`#/policies/${STRICT}/show`));
    await page.getByText('Does not grade customers').waitFor();

    const policy = await admin.request<PolicyView>('GET', `/policies/${STRICT}`);
    expect(policy).toMatchObject({ publishedVersion: null, latestVersion: 1, drafts: 1, grading: false });
    const version = await admin.request<{ status: string; document: Document }>('GET', `/policies/${STRICT}/versions/1`);
    expect(version.status).toBe('draft');
    expect(version.document.grading.tiers[0]!.conditions!.all[0]!.value).toBe(80);
    await page.context().close();
  });

  it('lets a publisher publish it, schedule it, make it the grading policy and see a customer re-graded by it', async () => {
    expect((await decisionOf(admin, CUSTOMER_78)).tier).toBe('A');
    const page = await signedInPage(browser, inject('baseUrl'), 'publisher');
    await page.goto(`/#/policies/${STRICT}/versions/1`);
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const publish = page.getByRole('dialog');
    await publish.getByText(/does not grade the customers: nobody is re-graded/).waitFor();
    await publish.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('v1 is in force').first().waitFor();
    await page.getByText('This policy grades no customers: nothing to re-grade.').waitFor();

    await page.goto(`/#/policies/${STRICT}/show`);
    await page.getByText('02:00 UTC on the 1st of each month').waitFor();
    await page.getByRole('button', { name: 'Edit schedule' }).click();
    const schedule = page.getByRole('dialog', { name: `Grading schedule of ${STRICT}` });
    const cron = schedule.getByLabel('Cron (UTC)');
    await fillWhenFocusable(page, cron, 'every monday');
    await schedule.getByRole('button', { name: 'Save' }).click();
    await schedule.getByText(/schedule must be a cron of 5 fields in UTC/).waitFor();
    await fillWhenFocusable(page, cron, '0 3 * * 1');
    await schedule.getByText('Reads as: 03:00 UTC every Monday').waitFor();
    await schedule.getByRole('button', { name: 'Save' }).click();
    await schedule.waitFor({ state: 'hidden' });
    await page.getByText('03:00 UTC every Monday').waitFor();
    expect((await admin.request<PolicyView>('GET', `/policies/${STRICT}`)).schedule).toBe('0 3 * * 1');

    await page.getByRole('button', { name: 'Make this the grading policy' }).click();
    const confirm = page.getByRole('dialog');
    await confirm.getByText(`From now on, ${STRICT} v1 grades the customers instead of default.`).waitFor();
    await confirm.getByText(/^All \d+ customers will be re-graded\.$/).waitFor();
    await settled(page);
    await screenshot(page, '72-publisher-confirm-grading-policy');
    await confirm.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText(`${STRICT} v1 grades the customers now`).waitFor();
    await page.getByText(/customers re-graded, \d+ changed tier\./).waitFor({ timeout: 60_000 });
    await page.getByText('Grades customers', { exact: true }).waitFor();
    await screenshot(page, '73-publisher-grading-policy-switched');

    const policies = await admin.request<PolicyView[]>('GET', '/policies');
    expect(policies.filter((policy) => policy.grading).map((policy) => policy.id)).toEqual([STRICT]);
    expect(await decisionOf(admin, CUSTOMER_78)).toMatchObject({ tier: 'B', policy: { id: STRICT, version: 1 } });

    await page.goto(`/#/customers/${CUSTOMER_78}/show`);
    await page
      .getByTestId('decision-policy')
      .getByText(new RegExp(`^Decided by policy ${STRICT} v1 `))
      .waitFor();
    await expect(page.getByTestId('decision-tier').textContent()).resolves.toBe('B');
    await screenshot(page, '74-publisher-customer-graded-by-strict-a');
    await page.context().close();
  });
});
