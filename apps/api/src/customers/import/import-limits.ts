// Sized for "thousands of rows per request": 100,000 rows of a dozen facts are
// ~30 MB of CSV. The rows are held (small: id, name, facts) until every one is
// checked, because nothing may be written unless all of them pass.
export const IMPORT_BODY_LIMIT_BYTES = 64 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 100_000;
/** One JSONL line or CSV row; far above any real customer, low enough that a missing newline is caught early. */
export const MAX_ROW_BYTES = 1024 * 1024;
/** Problems listed in a rejection; the total is always given. */
export const MAX_LISTED_ERRORS = 1000;
/** Customers per INSERT: 1,000 rows travel as one jsonb parameter. */
export const IMPORT_CHUNK = 1000;
