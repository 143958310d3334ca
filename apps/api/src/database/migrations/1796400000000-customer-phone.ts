import type { MigrationInterface, QueryRunner } from 'typeorm';

// The call centre finds a customer by the number they call from. Optional, and
// unique when present (a unique constraint lets any number of NULLs through);
// E.164 enforced here too, so a row written past the API still holds a number
// that the lookup can match exactly. Ids are matched exactly too; when one is
// not found, lower(id) finds the same id in another case to suggest, by index.
export class CustomerPhone1796400000000 implements MigrationInterface {
  name = 'CustomerPhone1796400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE customers ADD COLUMN phone text NULL`);
    await db.query(`ALTER TABLE customers ADD CONSTRAINT customers_phone_e164 CHECK (phone ~ '^\\+[1-9][0-9]{1,14}$')`);
    await db.query(`ALTER TABLE customers ADD CONSTRAINT customers_phone_unique UNIQUE (phone)`);
    await db.query(`CREATE INDEX customers_id_lower ON customers (lower(id))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX customers_id_lower`);
    await db.query(`ALTER TABLE customers DROP CONSTRAINT customers_phone_unique`);
    await db.query(`ALTER TABLE customers DROP CONSTRAINT customers_phone_e164`);
    await db.query(`ALTER TABLE customers DROP COLUMN phone`);
  }
}
