import type { MigrationInterface, QueryRunner } from 'typeorm';

// customer_search_dictionary (1796900000000) was added to with "INSERT ... WHERE NOT EXISTS": its
// plan, cached in the trigger from the statistics of an empty table, scanned the whole dictionary
// for each new word, and a bulk load of 100,000 customers took minutes. A unique index and
// ON CONFLICT DO NOTHING find a word by the index whatever the statistics say. Words are added in
// order, so two writers adding the same new words meet in the same order; a word already
// committed is skipped without a lock.
// Never edit once committed; add a new migration instead.
export class SearchDictionaryUnique1797000000000 implements MigrationInterface {
  name = 'SearchDictionaryUnique1797000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM customer_search_dictionary d USING customer_search_dictionary o WHERE o.word = d.word AND o.ctid < d.ctid`);
    await db.query(`DROP INDEX customer_search_dictionary_word`);
    await db.query(`ALTER TABLE customer_search_dictionary ADD PRIMARY KEY (word)`);
    await replaceFunctions(db, (rows) => `${dictionaryWords(rows)} ORDER BY 1 ON CONFLICT (word) DO NOTHING`);
  }

  async down(db: QueryRunner): Promise<void> {
    await replaceFunctions(
      db,
      (rows) => `${dictionaryWords(rows)} AND NOT EXISTS (SELECT 1 FROM customer_search_dictionary d WHERE d.word = w.word)`,
    );
    await db.query(`ALTER TABLE customer_search_dictionary DROP CONSTRAINT customer_search_dictionary_pkey`);
    await db.query(`CREATE INDEX customer_search_dictionary_word ON customer_search_dictionary (word)`);
  }
}

// The two functions of 1796900000000 that add words, with `addWords` for their dictionary statement (copied, not imported).
async function replaceFunctions(db: QueryRunner, addWords: (rows: string) => string): Promise<void> {
  await db.query(`
    CREATE OR REPLACE FUNCTION tierwise_search_words_added() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO customer_search_words (word, tier, customer_id) ${wordsOf('added')};
      ${addWords('added')};
      RETURN NULL;
    END
    $$`);
  await db.query(`
    CREATE OR REPLACE FUNCTION tierwise_search_words_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM customer_search_words x USING (${wordsOf(CHANGED('removed'))}) o
       WHERE x.word = o.word AND x.tier = o.tier AND x.customer_id = o.customer_id;
      INSERT INTO customer_search_words (word, tier, customer_id) ${wordsOf(CHANGED('added'))};
      ${addWords(CHANGED('added'))};
      RETURN NULL;
    END
    $$`);
}

const CHANGED = (side: 'added' | 'removed') => `
  (SELECT ${side}.* FROM added JOIN removed ON removed.id = added.id
    WHERE added.text <> removed.text OR added.tier IS DISTINCT FROM removed.tier)`;

function wordsOf(rows: string): string {
  return `SELECT DISTINCT w.word, coalesce(s.tier, '') AS tier, s.id AS customer_id
            FROM ${rows} s, regexp_split_to_table(s.text, '[^[:alnum:]]+') AS w(word) WHERE w.word <> ''`;
}

function dictionaryWords(rows: string): string {
  return `INSERT INTO customer_search_dictionary (word)
    SELECT DISTINCT w.word FROM ${rows} s, regexp_split_to_table(s.text, '[^[:alnum:]]+') AS w(word)
     WHERE w.word <> ''`;
}
