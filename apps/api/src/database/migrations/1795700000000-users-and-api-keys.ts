import type { MigrationInterface, QueryRunner } from 'typeorm';

// Console users and call-centre API keys (issue 3, access control).
// Never edit once committed; add a new migration instead.
export class UsersAndApiKeys1795700000000 implements MigrationInterface {
  name = 'UsersAndApiKeys1795700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE users (
        username       text PRIMARY KEY CHECK (username ~ '^[a-z0-9][a-z0-9._@-]{0,63}$'),
        -- scrypt, with its salt and parameters: scrypt$ln=15,r=8,p=3$<salt>$<hash>
        password_hash  text NOT NULL,
        role           text NOT NULL CHECK (role IN ('admin', 'author', 'publisher', 'auditor', 'agent')),
        disabled       boolean NOT NULL DEFAULT false,
        created_by     text NOT NULL,
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE api_keys (
        id            uuid PRIMARY KEY,
        name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        role          text NOT NULL CHECK (role IN ('admin', 'author', 'publisher', 'auditor', 'agent')),
        -- SHA-256 of the whole key (hex); the key itself is shown once and never stored.
        key_hash      text NOT NULL UNIQUE,
        -- The first characters, to recognise a key in a list: tw_AbC123
        prefix        text NOT NULL,
        created_by    text NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        revoked_at    timestamptz,
        revoked_by    text,
        last_used_at  timestamptz,
        CONSTRAINT api_keys_revoked_by_whom CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
      )`);
    // Audit rows name a key by its name, so two live keys never share one.
    await db.query(`CREATE UNIQUE INDEX api_keys_live_name ON api_keys (name) WHERE revoked_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE api_keys`);
    await db.query(`DROP TABLE users`);
  }
}
