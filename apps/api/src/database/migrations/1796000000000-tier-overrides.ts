import type { MigrationInterface, QueryRunner } from 'typeorm';

// A tier set by hand on a customer: { tier, reason, by, at }. It lives on the
// customer (not on its decision) because it outlives every re-grading: fact
// changes and publications grade the scorecard again but keep the pinned tier.
// Never edit once committed; add a new migration instead.
export class TierOverrides1796000000000 implements MigrationInterface {
  name = 'TierOverrides1796000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE customers ADD COLUMN tier_override jsonb`);
    await db.query(`
      ALTER TABLE customers ADD CONSTRAINT customers_tier_override_shape CHECK (
        tier_override IS NULL OR (
          jsonb_typeof(tier_override) = 'object'
          AND jsonb_typeof(tier_override -> 'tier') = 'string' AND length(tier_override ->> 'tier') > 0
          AND jsonb_typeof(tier_override -> 'reason') = 'string' AND length(tier_override ->> 'reason') > 0
        ))`);
    // A publication checks the pinned tiers against the new version: few rows, found without a scan.
    await db.query(`CREATE INDEX customers_tier_override_idx ON customers (id) WHERE tier_override IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX customers_tier_override_idx`);
    await db.query(`ALTER TABLE customers DROP COLUMN tier_override`);
  }
}
