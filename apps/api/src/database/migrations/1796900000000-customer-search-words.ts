import type { MigrationInterface, QueryRunner } from 'typeorm';

// The exact total of a one-word search at 1,000,000 customers. customer_search (1796800000000)
// made a search read 75 MB instead of 355 MB, but a common word (66,707 customers) still has its
// trigram matches rechecked row by row across every page of it: 40 ms from shared buffers, 200-400 ms
// once those pages are elsewhere.
//
// A q of letters and digits only can only occur inside one word (a maximal run of them) of the id,
// name or phone, so it matches exactly the customers with a word containing it. Two tables, kept
// by triggers on customer_search alone (its rows are exact, and written under its row locks):
// - customer_search_words: (word, tier, customer) per distinct word of a customer's search text;
//   a count for a word (and tiers) is an index-only range of its primary key.
// - customer_search_dictionary: every word seen, under a trigram index: the few words that contain q.
//   Insert-only and without a unique key (two writers adding one new word at once may both add it),
//   so writers never wait on each other there; a word no one holds any more matches no customer.
// Never edit once committed; add a new migration instead.
export class CustomerSearchWords1796900000000 implements MigrationInterface {
  name = 'CustomerSearchWords1796900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE customer_search_words (
        word        text NOT NULL,
        tier        text NOT NULL,
        customer_id text NOT NULL,
        PRIMARY KEY (word, tier, customer_id)
      )`);
    await db.query(`CREATE TABLE customer_search_dictionary (word text NOT NULL)`);
    await db.query(`INSERT INTO customer_search_words (word, tier, customer_id) ${wordsOf('customer_search')}`);
    await db.query(`INSERT INTO customer_search_dictionary (word) SELECT DISTINCT word FROM customer_search_words`);
    await db.query(`CREATE INDEX customer_search_dictionary_word ON customer_search_dictionary (word)`);
    if (await trigramsAvailable(db)) {
      await db.query(`CREATE INDEX customer_search_dictionary_trgm ON customer_search_dictionary USING gin (word gin_trgm_ops)`);
    }
    await db.query(`ANALYZE customer_search_words`);
    await db.query(`ANALYZE customer_search_dictionary`);

    await db.query(`
      CREATE FUNCTION tierwise_search_words_added() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO customer_search_words (word, tier, customer_id) ${wordsOf('added')};
        ${newWords('added')};
        RETURN NULL;
      END
      $$`);
    // Only rows whose text or tier changed (a re-grade that keeps the tier changes nothing here).
    await db.query(`
      CREATE FUNCTION tierwise_search_words_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM customer_search_words x USING (${wordsOf(CHANGED('removed'))}) o
         WHERE x.word = o.word AND x.tier = o.tier AND x.customer_id = o.customer_id;
        INSERT INTO customer_search_words (word, tier, customer_id) ${wordsOf(CHANGED('added'))};
        ${newWords(CHANGED('added'))};
        RETURN NULL;
      END
      $$`);
    await db.query(`
      CREATE FUNCTION tierwise_search_words_removed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM customer_search_words x USING (${wordsOf('removed')}) o
         WHERE x.word = o.word AND x.tier = o.tier AND x.customer_id = o.customer_id;
        RETURN NULL;
      END
      $$`);
    for (const [event, referencing, fn] of TRIGGERS) {
      await db.query(`
        CREATE TRIGGER customer_search_words_${event.toLowerCase()} AFTER ${event} ON customer_search
          REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const [event] of TRIGGERS) await db.query(`DROP TRIGGER customer_search_words_${event.toLowerCase()} ON customer_search`);
    for (const [, , fn] of TRIGGERS) await db.query(`DROP FUNCTION ${fn}()`);
    await db.query(`DROP TABLE customer_search_dictionary`);
    await db.query(`DROP TABLE customer_search_words`);
  }
}

const TRIGGERS: readonly [event: string, referencing: string, fn: string][] = [
  ['INSERT', 'NEW TABLE AS added', 'tierwise_search_words_added'],
  ['UPDATE', 'OLD TABLE AS removed NEW TABLE AS added', 'tierwise_search_words_changed'],
  ['DELETE', 'OLD TABLE AS removed', 'tierwise_search_words_removed'],
];

// The rows of one side of an UPDATE whose text or tier changed.
const CHANGED = (side: 'added' | 'removed') => `
  (SELECT ${side}.* FROM added JOIN removed ON removed.id = added.id
    WHERE added.text <> removed.text OR added.tier IS DISTINCT FROM removed.tier)`;

/** (word, tier, customer_id) of each distinct word of each row of `rows` (customer_search's shape); no tier is ''. */
function wordsOf(rows: string): string {
  return `SELECT DISTINCT w.word, coalesce(s.tier, '') AS tier, s.id AS customer_id
            FROM ${rows} s, regexp_split_to_table(s.text, '[^[:alnum:]]+') AS w(word) WHERE w.word <> ''`;
}

function newWords(rows: string): string {
  return `INSERT INTO customer_search_dictionary (word)
    SELECT DISTINCT w.word FROM ${rows} s, regexp_split_to_table(s.text, '[^[:alnum:]]+') AS w(word)
     WHERE w.word <> '' AND NOT EXISTS (SELECT 1 FROM customer_search_dictionary d WHERE d.word = w.word)`;
}

async function trigramsAvailable(db: QueryRunner): Promise<boolean> {
  const rows = (await db.query(`SELECT count(*)::int AS n FROM pg_available_extensions WHERE name = 'pg_trgm'`)) as { n: number }[];
  return rows[0]!.n > 0;
}
