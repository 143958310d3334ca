import type { MigrationInterface, QueryRunner } from 'typeorm';

// A stored decision is returned as stored (the call centre's hot path sends the
// text as is). jsonb re-orders object keys (shortest first), so the contract's
// order (customerId, tier, score, breakdown, ...) came back scrambled; json keeps
// the text it was given. Nothing queries inside decisions, so jsonb's indexing is not missed.
export class DecisionKeyOrder1796100000000 implements MigrationInterface {
  name = 'DecisionKeyOrder1796100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE tier_assignments ALTER COLUMN decision TYPE json USING decision::json`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE tier_assignments ALTER COLUMN decision TYPE jsonb USING decision::jsonb`);
  }
}
