import type { MigrationInterface, QueryRunner } from 'typeorm';

// session_epoch: a console token carries the epoch it was issued under and is refused once
// the user's epoch moves on. Disabling a user and changing a password move it, so sessions
// opened before either stay ended for good, even after the user is enabled again; a counter
// rather than a timestamp, so "the same second" cannot let an old token through.
// sign_in_generation: part of the sign-in throttle's keys; a password reset or an admin's
// unlock moves it, which lifts every lock on the name at once, on every instance.
// api_keys.expires_at: a key may be made to stop working at a set time.
// Never edit once committed; add a new migration instead.
export class SessionEpochAndKeyExpiry1796200000000 implements MigrationInterface {
  name = 'SessionEpochAndKeyExpiry1796200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE users ADD COLUMN session_epoch integer NOT NULL DEFAULT 0, ADD COLUMN sign_in_generation integer NOT NULL DEFAULT 0`,
    );
    await db.query(`ALTER TABLE api_keys ADD COLUMN expires_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE api_keys DROP COLUMN expires_at`);
    await db.query(`ALTER TABLE users DROP COLUMN session_epoch, DROP COLUMN sign_in_generation`);
  }
}
