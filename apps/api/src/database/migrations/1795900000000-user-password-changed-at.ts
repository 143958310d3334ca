import type { MigrationInterface, QueryRunner } from 'typeorm';

// When a user's password last changed: console tokens issued before it are refused,
// so changing a password (a leaked one-time password, say) ends every open session.
// Never edit once committed; add a new migration instead.
export class UserPasswordChangedAt1795900000000 implements MigrationInterface {
  name = 'UserPasswordChangedAt1795900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users ADD COLUMN password_changed_at timestamptz`);
    await db.query(`UPDATE users SET password_changed_at = created_at`);
    await db.query(`ALTER TABLE users ALTER COLUMN password_changed_at SET NOT NULL, ALTER COLUMN password_changed_at SET DEFAULT now()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP COLUMN password_changed_at`);
  }
}
