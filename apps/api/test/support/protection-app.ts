import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Standing } from '@tierwise/policy';
import type { AppConfig } from '../../src/config/app-config.js';
import { authHeaders } from './auth.js';
import { customerFacts, type Tier } from './customer.factory.js';
import { waitForRun, type RunBody } from './grading-runs.js';
import { call } from './policies-helpers.js';
import { startTestApp, type TestApp } from './test-app.js';

// An app whose grading policy is rules/examples/downgrade-protection (as policy 'default':
// gradings 2, days 60, minimumDaysInTier 90), and the steps its specs take. Time is driven
// through the stored standings: a customer "entered its tier 100 days ago" is a standing
// whose since is 100 days back, written in SQL; every grading itself happens now.

const EXAMPLE = fileURLToPath(new URL('../../../../rules/examples/downgrade-protection/policy.json', import.meta.url));
const DAY = 86_400_000;

export interface ProtectionApp extends TestApp {
  /** PUT the customer with the facts of `tier` (a fact-change grading); its stored decision. */
  grade(id: string, tier: Tier, facts?: Record<string, unknown>): Promise<StoredDecision>;
  /** A grading run over these customers only (cause manual, history cause regrade). */
  regrade(ids: string[]): Promise<RunBody>;
  decision(id: string): Promise<StoredDecision>;
  standing(id: string): Promise<Standing | null>;
  /** Moves the customer's stored standing back in time: in its tier for `inTier` days, below it `below` gradings since `days` ago. */
  backdate(id: string, inTier: number, below?: { count: number; days: number }): Promise<void>;
  history(id: string): Promise<HistoryRow[]>;
}

export interface StoredDecision {
  id: string;
  tier: string | null;
  score: number;
  explanation: string[];
  protection?: Record<string, unknown>;
  gradedAt: string;
  cause: string;
  policy: { id: string; version: number; hash: string };
}

export interface HistoryRow {
  id: string;
  previous_tier: string | null;
  new_tier: string | null;
  cause: string;
  at: Date;
  inputs: { at: string; standing?: Standing } | null;
  protection: Record<string, unknown> | null;
}

/** A seed folder holding the example as policy 'default'; the caller removes it. */
export async function protectionSeed(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'tierwise-protection-'));
  const example = JSON.parse(await readFile(EXAMPLE, 'utf8')) as Record<string, unknown>;
  await writeFile(join(folder, 'policy.json'), JSON.stringify({ ...example, id: 'default' }));
  return folder;
}

export async function startProtectionApp(overrides: Partial<AppConfig> = {}): Promise<ProtectionApp> {
  const folder = await protectionSeed();
  const t = await startTestApp({ seedPolicyPath: folder, ...overrides });
  const admin = await authHeaders(t, 'admin');

  const decision = async (id: string): Promise<StoredDecision> => {
    const response = await call(t, 'agent', 'GET', `/api/v1/decisions/${id}`);
    if (response.statusCode !== 200) throw new Error(`no decision for ${id}: ${response.body}`);
    return response.json<StoredDecision>();
  };
  const standing = async (id: string): Promise<Standing | null> => {
    const [row] = await t.db.sql<{ standing: Standing | null }>('SELECT standing FROM tier_assignments WHERE customer_id = $1', [id]);
    return row?.standing ?? null;
  };
  return {
    ...t,
    async close() {
      await t.close();
      await rm(folder, { recursive: true, force: true });
    },
    decision,
    standing,
    async grade(id, tier, facts = {}) {
      const response = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/customers/${id}`,
        headers: admin,
        payload: { name: id, facts: customerFacts(tier, facts) },
      });
      if (response.statusCode !== 200 && response.statusCode !== 201) throw new Error(`PUT ${id}: ${response.statusCode} ${response.body}`);
      return decision(id);
    },
    async regrade(ids) {
      const started = await call(t, 'publisher', 'POST', '/api/v1/grading-runs', { filter: { ids } });
      if (started.statusCode !== 202) throw new Error(`run: ${started.statusCode} ${started.body}`);
      const run = await waitForRun(t, started.json<{ id: number }>().id);
      if (run.status !== 'succeeded') throw new Error(`run ${run.id}: ${run.error}`);
      return run;
    },
    async backdate(id, inTier, below) {
      const current = await standing(id);
      if (!current) throw new Error(`${id} has no standing`);
      const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
      const moved: Standing = {
        tier: current.tier,
        since: ago(inTier),
        below: below ? { count: below.count, since: ago(below.days) } : null,
      };
      await t.db.sql('UPDATE tier_assignments SET standing = $2 WHERE customer_id = $1', [id, JSON.stringify(moved)]);
    },
    history(id) {
      return t.db.sql<HistoryRow>(
        'SELECT id::text AS id, previous_tier, new_tier, cause, at, inputs, protection FROM tier_history WHERE customer_id = $1 ORDER BY id',
        [id],
      );
    },
  };
}
