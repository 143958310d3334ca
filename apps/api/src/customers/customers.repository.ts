import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { insertRows } from '../database/insert-rows.js';
import type { StoredDecisionDto } from '../decisions/dto/stored-decision.dto.js';
import { DECISION_JSON } from '../decisions/tier-assignment.repository.js';
import { findCustomerPage } from './customer-list-page.js';
import type { CustomerListQuery } from './customer-list-query.js';
import type { CustomerView } from './customer-view.js';
import { CustomerEntity } from './customer.entity.js';
import { refusingTakenPhone } from './phone-taken.js';
import type { StoredTierOverride } from './tier-override.js';

export type SavedCustomer = CustomerEntity & { created: boolean };

/** What a PUT writes: the whole record but its grading. */
export interface CustomerRecord {
  id: string;
  name: string;
  phone: string | null;
  facts: Record<string, unknown>;
}

const VIEW_COLUMNS = `c.id, c.name, c.phone, c.facts, c.created_at, c.updated_at, c.version, c.tier_override,
  a.tier, a.score, a.policy_version, a.graded_at`;
const VIEW_FROM = 'customers c LEFT JOIN tier_assignments a ON a.customer_id = c.id';
const RETURNING = 'RETURNING id, name, phone, facts, created_at, updated_at, version, tier_override';

// An override's expiry against the database's clock, the clock of its `at`. Few rows carry an
// override, and customers_tier_override_idx finds them without a scan of every customer.
const EXPIRED = `(tier_override ->> 'expiresAt')::timestamptz <= now()`;

// A customer row as written (RETURNING) ...
interface SavedRow {
  id: string;
  name: string;
  phone: string | null;
  facts: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
  version: number;
  tier_override: StoredTierOverride | null;
  created?: boolean;
}

// ... and as listed, with its current grading beside it.
interface ViewRow extends Omit<SavedRow, 'created'> {
  tier: string | null;
  score: number | null;
  policy_version: number | null;
  graded_at: Date | null;
}

@Injectable()
export class CustomersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findView(id: string): Promise<CustomerView | null> {
    const rows = await this.dataSource.query<ViewRow[]>(`SELECT ${VIEW_COLUMNS} FROM ${VIEW_FROM} WHERE c.id = $1`, [id]);
    return rows[0] ? toView(rows[0]) : null;
  }

  async exists(id: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>('SELECT 1 FROM customers WHERE id = $1', [id]);
    return rows.length > 0;
  }

  /** Creates or replaces; the row stays locked until the transaction ends. A phone number another customer has is a 409. */
  async upsert(manager: EntityManager, customer: CustomerRecord): Promise<SavedCustomer> {
    const rows = await refusingTakenPhone(() =>
      manager.query<SavedRow[]>(
        `INSERT INTO customers (id, name, phone, facts) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET
           name = EXCLUDED.name, phone = EXCLUDED.phone, facts = EXCLUDED.facts, updated_at = now(), version = customers.version + 1
         ${RETURNING}, (xmax = 0) AS created`,
        [customer.id, customer.name, customer.phone, JSON.stringify(customer.facts)],
      ),
    );
    return toSaved(rows[0]!);
  }

  /** Replaces only if the stored version is `expectedVersion` (optimistic concurrency); null otherwise. */
  async updateIfVersion(manager: EntityManager, customer: CustomerRecord, expectedVersion: number): Promise<SavedCustomer | null> {
    const rows = await refusingTakenPhone(() =>
      manager.query<SavedRow[]>(
        `UPDATE customers SET name = $2, phone = $3, facts = $4, updated_at = now(), version = version + 1
         WHERE id = $1 AND version = $5 ${RETURNING}`,
        [customer.id, customer.name, customer.phone, JSON.stringify(customer.facts), expectedVersion],
      ),
    );
    // pg reports UPDATE ... RETURNING as [rows, count]; PGlite as rows.
    const saved = (Array.isArray(rows[0]) ? rows[0][0] : rows[0]) as SavedRow | undefined;
    return saved ? toSaved({ ...saved, created: false }) : null;
  }

  /**
   * Creates or replaces many customers in one statement. A customer whose name
   * and facts are already as given is left alone (its version does not move)
   * and is not returned; the rest come back with whether they were created.
   * Every row touched stays locked until the transaction ends. A phone number
   * another customer holds fails the statement with a 409 (phone-taken).
   */
  async upsertMany(
    manager: EntityManager,
    customers: readonly { id: string; name: string | null; phone?: string | null; facts: Record<string, unknown> }[],
  ): Promise<{ id: string; created: boolean }[]> {
    // A null name (an import without names) keeps an existing customer's name and names a new one by its id;
    // ON CONFLICT sees only EXCLUDED, so the ids whose name is kept travel as a second parameter,
    // and those whose phone is not given (kept as stored) as a third.
    const keepName = customers.filter((customer) => customer.name === null).map((customer) => customer.id);
    const keepPhone = customers.filter((customer) => customer.phone === undefined).map((customer) => customer.id);
    // One jsonb parameter rather than three per row: no bind-parameter ceiling, one plan.
    return refusingTakenPhone(() =>
      manager.query<{ id: string; created: boolean }[]>(
        `INSERT INTO customers (id, name, phone, facts)
         SELECT r.id, COALESCE(r.name, r.id), r.phone, r.facts
           FROM jsonb_to_recordset($1::jsonb) AS r (id text, name text, phone text, facts jsonb)
         ON CONFLICT (id) DO UPDATE SET
           name = CASE WHEN EXCLUDED.id = ANY($2::text[]) THEN customers.name ELSE EXCLUDED.name END,
           phone = CASE WHEN EXCLUDED.id = ANY($3::text[]) THEN customers.phone ELSE EXCLUDED.phone END,
           facts = EXCLUDED.facts, updated_at = now(), version = customers.version + 1
         WHERE (customers.name IS DISTINCT FROM EXCLUDED.name AND NOT EXCLUDED.id = ANY($2::text[]))
            OR (customers.phone IS DISTINCT FROM EXCLUDED.phone AND NOT EXCLUDED.id = ANY($3::text[]))
            OR customers.facts IS DISTINCT FROM EXCLUDED.facts
         RETURNING id, (xmax = 0) AS created`,
        [JSON.stringify(customers.map(({ id, name, phone, facts }) => ({ id, name, phone: phone ?? null, facts }))), keepName, keepPhone],
      ),
    );
  }

  async insertMany(manager: EntityManager, customers: readonly Pick<CustomerEntity, 'id' | 'name' | 'facts'>[]): Promise<void> {
    await insertRows(manager, CustomerEntity, customers);
  }

  /** The record a PUT replaces, row-locked until the transaction ends (for the audit's before); null for a new customer. */
  async lockRecord(manager: EntityManager, id: string): Promise<Omit<CustomerRecord, 'id'> | null> {
    const rows = await manager.query<{ name: string; phone: string | null; facts: Record<string, unknown> }[]>(
      'SELECT name, phone, facts FROM customers WHERE id = $1 FOR UPDATE',
      [id],
    );
    return rows[0] ?? null;
  }

  /** A customer's facts and tier set by hand, row-locked until the transaction ends; null for no such customer. */
  async lockForGrading(
    manager: EntityManager,
    id: string,
  ): Promise<{ facts: Record<string, unknown>; tierOverride: StoredTierOverride | null } | null> {
    const rows = await manager.query<{ facts: Record<string, unknown>; tier_override: StoredTierOverride | null }[]>(
      'SELECT facts, tier_override FROM customers WHERE id = $1 FOR UPDATE',
      [id],
    );
    return rows[0] ? { facts: rows[0].facts, tierOverride: rows[0].tier_override } : null;
  }

  /**
   * Sets the tier set by hand, or clears it with null. `at` is the database's
   * clock, like every other timestamp; the customer's version moves on, since
   * what GET /customers/:id shows has changed.
   */
  async writeTierOverride(manager: EntityManager, id: string, override: Omit<StoredTierOverride, 'at'> | null): Promise<SavedCustomer> {
    const rows = await manager.query<SavedRow[]>(
      `UPDATE customers SET
         tier_override = CASE WHEN $2::jsonb IS NULL THEN NULL
           ELSE $2::jsonb || jsonb_build_object('at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) END,
         updated_at = now(), version = version + 1
       WHERE id = $1 ${RETURNING}`,
      [id, override === null ? null : JSON.stringify(storedFields(override))],
    );
    // pg reports UPDATE ... RETURNING as [rows, count]; PGlite as rows.
    const saved = (Array.isArray(rows[0]) ? rows[0][0] : rows[0]) as SavedRow | undefined;
    if (!saved) throw new Error(`customer '${id}' vanished while locked`);
    return toSaved({ ...saved, created: false });
  }

  /**
   * Up to `limit` customers whose tier set by hand has expired (expiresAt at or
   * before the database's now), after `afterId` in id order. Not locked: each is
   * locked and read again by `lockExpiredOverride` before it is cleared.
   */
  async expiredOverrideIds(afterId: string, limit: number): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM customers
        WHERE tier_override IS NOT NULL AND ${EXPIRED} AND id > $1
        ORDER BY id LIMIT $2`,
      [afterId, limit],
    );
    return rows.map((row) => row.id);
  }

  /**
   * A customer's facts and tier set by hand, row-locked until the transaction
   * ends, if that override has expired; null otherwise: no such customer, no
   * override, one replaced meanwhile by an override that has not expired, or a
   * row another transaction holds right now (SKIP LOCKED: another worker clearing
   * it, or a writer whose change the next run reads). The condition is checked
   * on the row as locked, so two runs never both clear one override.
   */
  async lockExpiredOverride(
    manager: EntityManager,
    id: string,
  ): Promise<{ facts: Record<string, unknown>; tierOverride: StoredTierOverride } | null> {
    const rows = await manager.query<{ facts: Record<string, unknown>; tier_override: StoredTierOverride }[]>(
      `SELECT facts, tier_override FROM customers
        WHERE id = $1 AND tier_override IS NOT NULL AND ${EXPIRED}
        FOR UPDATE SKIP LOCKED`,
      [id],
    );
    return rows[0] ? { facts: rows[0].facts, tierOverride: rows[0].tier_override } : null;
  }

  /**
   * The tiers set by hand among `ids`, their rows locked in id order (as every
   * writer locks them), so an override set meanwhile cannot slip past a bulk grading.
   */
  async lockTierOverrides(manager: EntityManager, ids: readonly string[]): Promise<Map<string, StoredTierOverride>> {
    if (ids.length === 0) return new Map();
    const rows = await manager.query<{ id: string; tier_override: StoredTierOverride | null }[]>(
      'SELECT id, tier_override FROM customers WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE',
      [ids],
    );
    return new Map(rows.filter((row) => row.tier_override !== null).map((row) => [row.id, row.tier_override!]));
  }

  /** The stored decision as GET /decisions/:id serves it, read inside the caller's transaction. */
  async storedDecision(manager: EntityManager, id: string): Promise<StoredDecisionDto | undefined> {
    const rows = await manager.query<{ body: string }[]>(DECISION_JSON, [id]);
    return rows[0] ? (JSON.parse(rows[0].body) as StoredDecisionDto) : undefined;
  }

  /** One page of the list in its order, and the list's exact total (customer-list-page.ts says how both stay fast). */
  async list(query: CustomerListQuery): Promise<{ rows: CustomerView[]; total: number }> {
    const { ids, total } = await findCustomerPage(this.dataSource, query);
    if (ids.length === 0) return { rows: [], total };
    const rows = await this.dataSource.query<ViewRow[]>(`SELECT ${VIEW_COLUMNS} FROM ${VIEW_FROM} WHERE c.id = ANY($1::text[])`, [ids]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    // A customer deleted between the two reads is left out rather than failing the page.
    const inOrder = ids.flatMap((id) => byId.get(id) ?? []);
    return { rows: inOrder.map(toView), total };
  }
}

// What an override stores besides `at`: expiresAt only when it has one.
function storedFields(override: Omit<StoredTierOverride, 'at'>): Omit<StoredTierOverride, 'at'> {
  const { tier, reason, by, expiresAt } = override;
  return expiresAt === undefined ? { tier, reason, by } : { tier, reason, by, expiresAt };
}

function toView(row: ViewRow): CustomerView {
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    facts: row.facts,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    tier: row.tier,
    score: row.score,
    policyVersion: row.policy_version,
    gradedAt: row.graded_at,
    tierOverride: row.tier_override,
  };
}

function toSaved(row: SavedRow): SavedCustomer {
  return Object.assign(new CustomerEntity(), {
    id: row.id,
    name: row.name,
    phone: row.phone,
    facts: row.facts,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    tierOverride: row.tier_override,
    created: row.created === true,
  });
}
