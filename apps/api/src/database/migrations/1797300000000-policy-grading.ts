import type { MigrationInterface, QueryRunner } from 'typeorm';

// More than one policy (issue 8): exactly one grades the stored customers, flagged here (a unique
// partial index keeps it to one), and each policy has the cron its scheduled grading runs follow
// (UTC; monthly by default, as the seeds grade). Until now the policy 'default' graded: it keeps doing so.
// Never edit once committed; add a new migration instead.
export class PolicyGrading1797300000000 implements MigrationInterface {
  name = 'PolicyGrading1797300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE policies ADD COLUMN grading boolean NOT NULL DEFAULT false`);
    await db.query(`ALTER TABLE policies ADD COLUMN grading_schedule text NOT NULL DEFAULT '0 2 1 * *'`);
    await db.query(`UPDATE policies SET grading = true WHERE id = 'default'`);
    await db.query(`CREATE UNIQUE INDEX policies_one_grading ON policies (grading) WHERE grading`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX policies_one_grading`);
    await db.query(`ALTER TABLE policies DROP COLUMN grading_schedule`);
    await db.query(`ALTER TABLE policies DROP COLUMN grading`);
  }
}
