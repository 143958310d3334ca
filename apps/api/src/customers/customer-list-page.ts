import type { DataSource } from 'typeorm';
import { likePattern } from '../common/like-pattern.js';
import { readCustomerCounts, type CustomerCounts } from './customer-counts.js';
import type { CustomerListQuery, CustomerSortField } from './customer-list-query.js';

// The ids of one page of the customer list, in order, and the list's exact total, each
// answered from an index at 1,000,000 customers (migration 1796500000000):
// - the page is found on ids alone (index-only scans; a deep OFFSET walks an index, not rows),
//   then the caller reads those few rows whole;
// - every order ends in the id, in the same direction, so it is one index read forwards or back;
// - a decision's columns (tier, score, ...) sort nulls as the smallest value, and customers
//   with no decision at all sort with them: first ascending, last descending, by id;
// - totals of the unfiltered and tier-filtered lists come from customer_counts (exact, kept by
//   triggers); id lists are counted through the primary key;
// - q is looked for in customer_search (migration 1796800000000): per customer one narrow row of
//   its id, name and phone lower-cased, under a trigram index, so a search and its count read that
//   small table, not the customers; a q of one word (letters and digits) is found and counted in
//   customer_search_words instead (migration 1796900000000): a few index ranges of (word, customer).
//   A tier filter with q takes the tier from the decision, by its primary key (since 1797200000000
//   the search tables hold no tier, so a re-grade that moves customers writes nothing there).

const CUSTOMER_COLUMNS: Partial<Record<CustomerSortField, string>> = {
  id: 'c.id',
  name: 'c.name',
  version: 'c.version',
  createdAt: 'c.created_at',
  updatedAt: 'c.updated_at',
};
const DECISION_COLUMNS: Partial<Record<CustomerSortField, string>> = {
  tier: 'a.tier',
  score: 'a.score',
  policyVersion: 'a.policy_version',
  gradedAt: 'a.graded_at',
};

export interface CustomerPage {
  ids: string[];
  total: number;
}

interface Conditions {
  /** On customer_search s: q. */
  search: string[];
  /** On customers c: id, overridden. */
  customer: string[];
  /** On tier_assignments a: the tier. */
  decision: string[];
  params: unknown[];
}

export async function findCustomerPage(dataSource: DataSource, query: CustomerListQuery): Promise<CustomerPage> {
  // An empty q matches everyone: no search at all.
  const { q, ...others } = query.filter;
  const filter: CustomerListQuery['filter'] = q ? { ...others, q } : others;
  const words = filter.q === undefined ? undefined : await wordsContaining(dataSource, filter.q);
  const conditions = conditionsOf(filter, words);
  const counts = await readCustomerCounts(dataSource);
  const total =
    words !== undefined && filter.id === undefined && filter.overridden === undefined
      ? await countWordMatches(dataSource, words, filter.tier)
      : await countTotal(dataSource, filter, conditions, counts);
  const offset = query.range.start;
  const limit = query.range.end - query.range.start + 1;
  if (offset >= total) return { ids: [], total };

  const descending = query.sort.order === 'DESC';
  const direction = descending ? 'DESC' : 'ASC';
  const customerColumn = CUSTOMER_COLUMNS[query.sort.field];
  if (customerColumn !== undefined) {
    return { ids: await customerOrdered(dataSource, conditions, customerColumn, direction, offset, limit), total };
  }
  const decisionColumn = DECISION_COLUMNS[query.sort.field]!;
  const ungraded = await countUngraded(dataSource, filter, conditions, counts);
  const graded: Segment = (segmentOffset, segmentLimit) =>
    decisionOrdered(dataSource, conditions, decisionColumn, direction, segmentOffset, segmentLimit);
  const notGraded: Segment = (segmentOffset, segmentLimit) => ungradedById(dataSource, conditions, direction, segmentOffset, segmentLimit);
  // Customers with no decision sort as nulls: the smallest value.
  const segments: [Segment, number][] = descending
    ? [
        [graded, total - ungraded],
        [notGraded, ungraded],
      ]
    : [
        [notGraded, ungraded],
        [graded, total - ungraded],
      ];
  return { ids: await readSegments(segments, offset, limit), total };
}

type Segment = (offset: number, limit: number) => Promise<string[]>;

async function readSegments(segments: [Segment, number][], offset: number, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let skip = offset;
  for (const [segment, size] of segments) {
    if (ids.length >= limit) break;
    if (size <= 0) continue;
    if (skip >= size) {
      skip -= size;
      continue;
    }
    ids.push(...(await segment(skip, limit - ids.length)));
    skip = 0;
  }
  return ids;
}

function conditionsOf(filter: CustomerListQuery['filter'], words: string[] | undefined): Conditions {
  const conditions: Conditions = { search: [], customer: [], decision: [], params: [] };
  const param = (value: unknown) => `$${conditions.params.push(value)}`;
  if (words !== undefined) {
    // A few index ranges of (word, customer): the planner hashes them and walks any order's index.
    conditions.customer.push(
      `c.id IN (SELECT w.customer_id ${wordMatches(param(words), filter.tier && param([...new Set(filter.tier)]))})`,
    );
    if (filter.id !== undefined) conditions.customer.push(`c.id = ANY(${param(filter.id)}::text[])`);
    if (filter.overridden !== undefined) conditions.customer.push(`c.tier_override IS ${filter.overridden ? 'NOT ' : ''}NULL`);
    return conditions;
  }
  if (filter.q !== undefined) conditions.search.push(`s.text LIKE lower(${param(searchPattern(filter.q))})`);
  if (filter.id !== undefined) conditions.customer.push(`c.id = ANY(${param(filter.id)}::text[])`);
  if (filter.overridden !== undefined) conditions.customer.push(`c.tier_override IS ${filter.overridden ? 'NOT ' : ''}NULL`);
  if (filter.tier !== undefined) {
    const tiers = [...new Set(filter.tier)];
    // One tier as an equality, so the (tier, ...) indexes give their order too.
    conditions.decision.push(tiers.length === 1 ? `a.tier = ${param(tiers[0])}` : `a.tier = ANY(${param(tiers)}::text[])`);
  }
  return conditions;
}

/** q as a LIKE pattern on customer_search.text (lower-cased there; lower() applied to it in SQL). */
function searchPattern(q: string): string {
  // U+001F parts the fields in the search text: it never matches in q.
  return likePattern(q.replaceAll('\u001f', ''));
}

type Alias = 'c' | 's' | 'a';
const TABLES: Record<Alias, string> = { c: 'customers c', s: 'customer_search s', a: 'tier_assignments a' };
const KEYS: Record<Alias, string> = { c: 'c.id', s: 's.id', a: 'a.customer_id' };

/** `base` and every other table the conditions name, joined on the customer id. */
function fromOf(base: Alias, conditions: Conditions): string {
  const needed: Alias[] = [];
  if (conditions.search.length > 0) needed.push('s');
  if (conditions.customer.length > 0) needed.push('c');
  if (conditions.decision.length > 0) needed.push('a');
  const joins = needed.filter((alias) => alias !== base).map((alias) => `JOIN ${TABLES[alias]} ON ${KEYS[alias]} = ${KEYS[base]}`);
  return [TABLES[base], ...joins].join(' ');
}

function where(...parts: string[][]): string {
  const all = parts.flat();
  return all.length > 0 ? `WHERE ${all.join(' AND ')}` : '';
}

function allOf(conditions: Conditions): string {
  return where(conditions.search, conditions.customer, conditions.decision);
}

async function countTotal(
  dataSource: DataSource,
  filter: CustomerListQuery['filter'],
  conditions: Conditions,
  counts: CustomerCounts,
): Promise<number> {
  if (filter.q !== undefined || filter.id !== undefined) return countRows(dataSource, conditions);
  const all =
    filter.tier === undefined ? counts.customers : [...new Set(filter.tier)].reduce((sum, tier) => sum + (counts.tiers.get(tier) ?? 0), 0);
  if (filter.overridden === undefined) return all;
  // Few customers have a tier set by hand, and a partial index lists them: count those, derive the rest.
  const overridden = await countRows(dataSource, { ...conditions, customer: ['c.tier_override IS NOT NULL'] });
  return filter.overridden ? overridden : all - overridden;
}

async function countUngraded(
  dataSource: DataSource,
  filter: CustomerListQuery['filter'],
  conditions: Conditions,
  counts: CustomerCounts,
): Promise<number> {
  // A tier filter keeps graded customers only; once a policy is published every customer is graded.
  if (filter.tier !== undefined || counts.customers === counts.graded) return 0;
  if (filter.q === undefined && filter.id === undefined && filter.overridden === undefined) return counts.customers - counts.graded;
  const rows = await dataSource.query<[{ n: number }]>(
    `SELECT count(*)::int AS n FROM ${fromOf('c', conditions)} ${where(conditions.search, conditions.customer, [UNGRADED])}`,
    conditions.params,
  );
  return rows[0].n;
}

// More words containing q than this (a q of a digit or two): counted on customer_search instead.
const MAX_MATCHING_WORDS = 1000;

/**
 * The words of customer_search_words (migration 1796900000000) that contain q, when q is letters and
 * digits only: then it can only occur inside one word of an id, name or phone, and the customers
 * holding one of these words are exactly those q matches. Undefined when q is not one word, or
 * too many words contain it (a digit or two): then q is looked for in customer_search.
 */
async function wordsContaining(dataSource: DataSource, q: string): Promise<string[] | undefined> {
  const [found] = await dataSource.query<[{ words: string[] | null }]>(
    `SELECT CASE WHEN lower($1) ~ '^[[:alnum:]]+$' THEN ARRAY(
              SELECT DISTINCT word FROM customer_search_dictionary WHERE word LIKE '%' || lower($1) || '%' LIMIT $2) END AS words`,
    [q, MAX_MATCHING_WORDS + 1],
  );
  const words = found.words;
  return words === null || words.length > MAX_MATCHING_WORDS ? undefined : words;
}

/** The customers holding one of `words` (and in one of `tiers`): index-only ranges of (word, customer). */
async function countWordMatches(dataSource: DataSource, words: string[], tiers: string[] | undefined): Promise<number> {
  if (words.length === 0) return 0;
  // One word holds each customer once; several may share customers.
  const counted = words.length === 1 ? 'count(*)' : 'count(DISTINCT w.customer_id)';
  const rows = await dataSource.query<[{ n: number }]>(
    `SELECT ${counted}::int AS n ${wordMatches('$1', tiers && '$2')}`,
    tiers === undefined ? [words] : [words, [...new Set(tiers)]],
  );
  return rows[0].n;
}

/** FROM and WHERE of the word rows holding one of the words (a parameter), of customers in the tiers (a parameter) if given. */
function wordMatches(words: string, tiers: string | undefined): string {
  if (tiers === undefined) return `FROM customer_search_words w WHERE w.word = ANY(${words}::text[])`;
  return `FROM customer_search_words w JOIN tier_assignments a ON a.customer_id = w.customer_id
    WHERE w.word = ANY(${words}::text[]) AND a.tier = ANY(${tiers}::text[])`;
}

const UNGRADED = 'NOT EXISTS (SELECT 1 FROM tier_assignments u WHERE u.customer_id = c.id)';

async function countRows(dataSource: DataSource, conditions: Conditions): Promise<number> {
  const base = conditions.search.length > 0 ? 's' : 'c';
  const rows = await dataSource.query<[{ n: number }]>(
    `SELECT count(*)::int AS n FROM ${fromOf(base, conditions)} ${allOf(conditions)}`,
    conditions.params,
  );
  return rows[0].n;
}

async function customerOrdered(
  dataSource: DataSource,
  conditions: Conditions,
  column: string,
  direction: string,
  offset: number,
  limit: number,
): Promise<string[]> {
  const only = (alias: Alias) =>
    (alias === 's') === conditions.search.length > 0 &&
    (alias === 'c') === conditions.customer.length > 0 &&
    (alias === 'a') === conditions.decision.length > 0;
  // In id order, a search alone reads customer_search alone, and a tier filter alone the (tier, customer_id) index.
  const sql =
    column === 'c.id' && only('s')
      ? `SELECT s.id FROM customer_search s ${allOf(conditions)} ORDER BY s.id ${direction}`
      : column === 'c.id' && only('a')
        ? `SELECT a.customer_id AS id FROM tier_assignments a ${allOf(conditions)} ORDER BY a.customer_id ${direction}`
        : `SELECT c.id FROM ${fromOf('c', conditions)} ${allOf(conditions)} ORDER BY ${column} ${direction}, c.id ${direction}`;
  return pageOf(dataSource, sql, conditions.params, offset, limit);
}

async function decisionOrdered(
  dataSource: DataSource,
  conditions: Conditions,
  column: string,
  direction: string,
  offset: number,
  limit: number,
): Promise<string[]> {
  const nulls = direction === 'DESC' ? 'NULLS LAST' : 'NULLS FIRST';
  const sql = `SELECT a.customer_id AS id FROM ${fromOf('a', conditions)} ${allOf(conditions)}
    ORDER BY ${column} ${direction} ${nulls}, a.customer_id ${direction}`;
  return pageOf(dataSource, sql, conditions.params, offset, limit);
}

async function ungradedById(
  dataSource: DataSource,
  conditions: Conditions,
  direction: string,
  offset: number,
  limit: number,
): Promise<string[]> {
  const sql = `SELECT c.id FROM ${fromOf('c', conditions)} ${where(conditions.search, conditions.customer, [UNGRADED])} ORDER BY c.id ${direction}`;
  return pageOf(dataSource, sql, conditions.params, offset, limit);
}

async function pageOf(dataSource: DataSource, sql: string, params: unknown[], offset: number, limit: number): Promise<string[]> {
  const rows = await dataSource.query<{ id: string }[]>(`${sql} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [
    ...params,
    limit,
    offset,
  ]);
  return rows.map((row) => row.id);
}
