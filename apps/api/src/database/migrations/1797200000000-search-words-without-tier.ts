import type { MigrationInterface, QueryRunner } from 'typeorm';

// customer_search (1796800000000) and its words (1796900000000) carried each customer's tier, so
// a change of tier rewrote the customer's search row and deleted and re-inserted every one of its
// words: 470 ms per 2,000 tier changes, four minutes for a re-grade that moves 1,000,000 customers
// (issue 8's goal is 30 s for all of it), and even a search row updated without a new text cost
// its words trigger 290 ms per 2,000 (joining the two transition tables). Both now hold only the
// search text: a change of tier writes nothing here, and a search filtered by tier takes the tier
// from the decision (tier_assignments' primary key, one lookup per match).
// Never edit once committed; add a new migration instead.
export class SearchWordsWithoutTier1797200000000 implements MigrationInterface {
  name = 'SearchWordsWithoutTier1797200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE customer_search_words_new (word text NOT NULL, customer_id text NOT NULL, PRIMARY KEY (word, customer_id))`);
    await db.query(`INSERT INTO customer_search_words_new SELECT DISTINCT word, customer_id FROM customer_search_words ORDER BY 1, 2`);
    await db.query(`DROP TABLE customer_search_words`);
    await db.query(`ALTER TABLE customer_search_words_new RENAME TO customer_search_words`);
    await db.query(`ALTER INDEX customer_search_words_new_pkey RENAME TO customer_search_words_pkey`);
    await db.query(`ANALYZE customer_search_words`);
    for (const event of GRADE_EVENTS) await db.query(`DROP TRIGGER tier_assignments_search_${event} ON tier_assignments`);
    for (const fn of GRADE_FUNCTIONS) await db.query(`DROP FUNCTION ${fn}()`);
    await db.query(`
      CREATE OR REPLACE FUNCTION tierwise_search_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM customer_search;
        RETURN NULL;
      END
      $$`);
    await db.query(`ALTER TABLE customer_search DROP COLUMN tier`);
    await replaceFunctions(db, {
      columns: 'word, customer_id',
      words: (rows) => `SELECT DISTINCT w.word, s.id AS customer_id ${wordsFrom(rows)}`,
      match: 'x.word = o.word AND x.customer_id = o.customer_id',
      changed: 'added.text <> removed.text',
    });
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE customer_search ADD COLUMN tier text`);
    await db.query(`UPDATE customer_search s SET tier = a.tier FROM tier_assignments a WHERE a.customer_id = s.id AND a.tier IS NOT NULL`);
    await restoreGradeTriggers(db);
    await db.query(`
      CREATE TABLE customer_search_words_old (word text NOT NULL, tier text NOT NULL, customer_id text NOT NULL,
        PRIMARY KEY (word, tier, customer_id))`);
    await db.query(`
      INSERT INTO customer_search_words_old
      SELECT w.word, coalesce(s.tier, ''), w.customer_id FROM customer_search_words w JOIN customer_search s ON s.id = w.customer_id`);
    await db.query(`DROP TABLE customer_search_words`);
    await db.query(`ALTER TABLE customer_search_words_old RENAME TO customer_search_words`);
    await db.query(`ALTER INDEX customer_search_words_old_pkey RENAME TO customer_search_words_pkey`);
    await replaceFunctions(db, {
      columns: 'word, tier, customer_id',
      words: (rows) => `SELECT DISTINCT w.word, coalesce(s.tier, '') AS tier, s.id AS customer_id ${wordsFrom(rows)}`,
      match: 'x.word = o.word AND x.tier = o.tier AND x.customer_id = o.customer_id',
      changed: 'added.text <> removed.text OR added.tier IS DISTINCT FROM removed.tier',
    });
  }
}

const GRADE_EVENTS = ['insert', 'update', 'delete', 'truncate'] as const;
const GRADE_FUNCTIONS = ['tierwise_search_grades_added', 'tierwise_search_grades_changed', 'tierwise_search_grades_removed'] as const;

/** The tier_assignments triggers of 1796800000000 that kept customer_search's tier (copied, not imported). */
async function restoreGradeTriggers(db: QueryRunner): Promise<void> {
  await db.query(`
    CREATE FUNCTION tierwise_search_grades_added() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE customer_search s SET tier = a.tier FROM added a WHERE s.id = a.customer_id AND a.tier IS NOT NULL;
      RETURN NULL;
    END
    $$`);
  await db.query(`
    CREATE FUNCTION tierwise_search_grades_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE customer_search s SET tier = a.tier FROM added a JOIN removed r USING (customer_id)
       WHERE s.id = a.customer_id AND a.tier IS DISTINCT FROM r.tier;
      RETURN NULL;
    END
    $$`);
  await db.query(`
    CREATE FUNCTION tierwise_search_grades_removed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE customer_search s SET tier = NULL FROM removed r WHERE s.id = r.customer_id AND r.tier IS NOT NULL;
      RETURN NULL;
    END
    $$`);
  await db.query(`
    CREATE OR REPLACE FUNCTION tierwise_search_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_TABLE_NAME = 'customers' THEN
        DELETE FROM customer_search;
      ELSE
        UPDATE customer_search SET tier = NULL WHERE tier IS NOT NULL;
      END IF;
      RETURN NULL;
    END
    $$`);
  for (const [event, referencing, fn] of [
    ['INSERT', 'NEW TABLE AS added', 'tierwise_search_grades_added'],
    ['UPDATE', 'OLD TABLE AS removed NEW TABLE AS added', 'tierwise_search_grades_changed'],
    ['DELETE', 'OLD TABLE AS removed', 'tierwise_search_grades_removed'],
  ] as const) {
    await db.query(`
      CREATE TRIGGER tier_assignments_search_${event.toLowerCase()} AFTER ${event} ON tier_assignments
        REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
  }
  await db.query(`
    CREATE TRIGGER tier_assignments_search_truncate AFTER TRUNCATE ON tier_assignments FOR EACH STATEMENT EXECUTE FUNCTION tierwise_search_truncated()`);
}

interface WordsShape {
  columns: string;
  words: (rows: string) => string;
  match: string;
  /** Which updated rows change their words. */
  changed: string;
}

// The three trigger functions of 1796900000000 (as 1797000000000 left them) for a shape of the words table.
async function replaceFunctions(db: QueryRunner, shape: WordsShape): Promise<void> {
  const changed = (side: 'added' | 'removed') =>
    `(SELECT ${side}.* FROM added JOIN removed ON removed.id = added.id WHERE ${shape.changed})`;
  await db.query(`
    CREATE OR REPLACE FUNCTION tierwise_search_words_added() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO customer_search_words (${shape.columns}) ${shape.words('added')};
      ${dictionaryWords('added')};
      RETURN NULL;
    END
    $$`);
  await db.query(`
    CREATE OR REPLACE FUNCTION tierwise_search_words_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM customer_search_words x USING (${shape.words(changed('removed'))}) o WHERE ${shape.match};
      INSERT INTO customer_search_words (${shape.columns}) ${shape.words(changed('added'))};
      ${dictionaryWords(changed('added'))};
      RETURN NULL;
    END
    $$`);
  await db.query(`
    CREATE OR REPLACE FUNCTION tierwise_search_words_removed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM customer_search_words x USING (${shape.words('removed')}) o WHERE ${shape.match};
      RETURN NULL;
    END
    $$`);
}

function wordsFrom(rows: string): string {
  return `FROM ${rows} s, regexp_split_to_table(s.text, '[^[:alnum:]]+') AS w(word) WHERE w.word <> ''`;
}

function dictionaryWords(rows: string): string {
  return `INSERT INTO customer_search_dictionary (word)
    SELECT DISTINCT w.word ${wordsFrom(rows)} ORDER BY 1 ON CONFLICT (word) DO NOTHING`;
}
