import type { Label } from '@tierwise/policy';
import { DomainException } from '../../common/domain.exception.js';
import type { FieldError } from '../../common/field-error.js';
import { isPlainObject } from '../../common/request-shape.js';
import { isCustomerId } from '../../customers/customer-id.js';
import { isCron } from '../../jobs/cron.js';
import { isPolicyId } from '../policy-id.js';

// Request bodies of the policy routes, checked by hand like the rest of the API:
// few, small, and every problem is reported at once.

export type DraftSource = { kind: 'empty' } | { kind: 'document'; document: Record<string, unknown> } | { kind: 'copy'; version: number };

export interface CreateDraftInput {
  source: DraftSource;
  note: string | null;
}

export interface UpdateDraftInput {
  document: Record<string, unknown>;
  revision: number;
  /** Undefined: leave the note as it is. */
  note: string | null | undefined;
}

export interface PublishInput {
  /** The version the publisher expects to replace (null: none is in force); defaults to the one in force when the draft was started. */
  supersedes: number | null | undefined;
  /** Publish only if the draft is still at this revision (what the publisher reviewed). */
  revision: number | undefined;
}

export type PolicyTestInput = { kind: 'facts'; facts: Record<string, unknown> } | { kind: 'customer'; customerId: string };

const MAX_NOTE = 500;

export interface CreatePolicyInput {
  id: string;
  /** Absent: the document's name, or the id. */
  name: Label | undefined;
  /** Version 1, a draft: this document, or an empty skeleton. */
  document: Record<string, unknown> | undefined;
}

export interface PolicyUpdateInput {
  /** true: make this the policy that grades the customers. */
  grading: true | undefined;
  schedule: string | undefined;
}

/** POST /policies: `{ id, name?, document? }`. */
export function parseCreatePolicy(body: unknown): CreatePolicyInput {
  const object = bodyObject(body, 'an object: {"id": "...", "name": {"en": "..."}, "document": {...}}');
  const errors = unknownKeys(object, ['id', 'name', 'document']);
  const { id, name, document } = object;
  if (!isPolicyId(id)) errors.push({ path: '/id', message: "id must be 1-64 letters, digits, '_' or '-', starting with a letter" });
  const label = typeof name === 'string' ? { en: name } : name;
  if (label !== undefined && !isLabel(label))
    errors.push({ path: '/name', message: 'name must be text, or {"en": "...", "zh": "..."} with non-empty English' });
  if (document !== undefined && !isPlainObject(document))
    errors.push({ path: '/document', message: 'the document must be a JSON object (a policy)' });
  if (errors.length > 0) throw DomainException.invalidRequest(errors);
  return { id: id as string, name: label as Label | undefined, document: document as Record<string, unknown> | undefined };
}

/** PATCH /policies/{id}: `{ grading?: true, schedule?: "<cron>" }`. */
export function parsePolicyUpdate(body: unknown): PolicyUpdateInput {
  const object = bodyObject(body, 'an object: {"grading": true} and/or {"schedule": "0 2 1 * *"}');
  // react-admin's update sends the whole record back: what GET answers besides these is ignored.
  const errors = unknownKeys(object, ['grading', 'schedule', ...POLICY_READ_ONLY_FIELDS]);
  const { grading, schedule } = object;
  if (grading !== undefined && grading !== true && grading !== false)
    errors.push({ path: '/grading', message: 'grading must be true (make this the policy that grades customers)' });
  if (schedule !== undefined && (typeof schedule !== 'string' || !isCron(schedule)))
    errors.push({
      path: '/schedule',
      message: `schedule must be a cron of 5 fields in UTC, such as "0 2 1 * *" (02:00 on the 1st of each month), not ${JSON.stringify(schedule)}`,
    });
  if (errors.length > 0) throw DomainException.invalidRequest(errors);
  // false is what the policy already says when it does not grade; only another policy's switch clears it.
  return { grading: grading === true ? true : undefined, schedule: schedule as string | undefined };
}

const POLICY_READ_ONLY_FIELDS = [
  'id',
  'name',
  'createdAt',
  'publishedVersion',
  'publishedHash',
  'publishedAt',
  'publishedBy',
  'latestVersion',
  'drafts',
  'gradingRun',
];

function isLabel(value: unknown): value is Label {
  return (
    isPlainObject(value) &&
    typeof value['en'] === 'string' &&
    value['en'].trim().length > 0 &&
    value['en'].length <= 200 &&
    (value['zh'] === undefined || (typeof value['zh'] === 'string' && value['zh'].length <= 200)) &&
    Object.keys(value).every((key) => key === 'en' || key === 'zh')
  );
}

export function parseCreateDraft(body: unknown): CreateDraftInput {
  const object = bodyObject(body ?? {}, 'an object: {} for an empty draft, {"document": {...}} or {"copyOf": <version>}');
  const errors = unknownKeys(object, ['document', 'copyOf', 'note']);
  const { document, copyOf } = object;
  const note = parseNote(object['note'], errors);
  if (document !== undefined && copyOf !== undefined) {
    errors.push({ path: '/copyOf', message: 'give either a document or copyOf, not both' });
  }
  if (document !== undefined && !isPlainObject(document)) {
    errors.push({ path: '/document', message: 'the document must be a JSON object (a policy)' });
  }
  if (copyOf !== undefined && !isVersionNumber(copyOf))
    errors.push({ path: '/copyOf', message: 'copyOf must be a version number (1, 2, ...)' });
  if (errors.length > 0) throw DomainException.invalidRequest(errors);
  const source: DraftSource =
    document !== undefined
      ? { kind: 'document', document: document as Record<string, unknown> }
      : copyOf !== undefined
        ? { kind: 'copy', version: copyOf as number }
        : { kind: 'empty' };
  return { source, note: note ?? null };
}

// What GET .../versions/:version answers beside document, revision and note. react-admin's
// data provider sends the whole record back on save: these are ignored, not refused.
const READ_ONLY_VERSION_FIELDS = [
  'id',
  'policyId',
  'version',
  'status',
  'hash',
  'lint',
  'lintFindings',
  'basedOn',
  'baseVersion',
  'createdBy',
  'createdAt',
  'updatedBy',
  'updatedAt',
  'publishedBy',
  'publishedAt',
  'supersededAt',
];

/**
 * The revision comes in the body or as If-Match; one of them is required, and they must agree.
 * `version` is the URL's: a record sent back with another id or version is refused.
 */
export function parseUpdateDraft(body: unknown, ifMatch: number | undefined, version?: number): UpdateDraftInput {
  const object = bodyObject(body, 'an object: {"document": {...}, "revision": <the revision you edited>}');
  const errors = unknownKeys(object, ['document', 'revision', 'note', ...READ_ONLY_VERSION_FIELDS]);
  for (const key of ['id', 'version'] as const) {
    if (version !== undefined && object[key] !== undefined && object[key] !== version)
      errors.push({
        path: `/${key}`,
        message: `the body's ${key} ${JSON.stringify(object[key])} differs from the URL's version ${version}`,
      });
  }
  const { document } = object;
  if (!isPlainObject(document)) errors.push({ path: '/document', message: 'document is required and must be a JSON object (a policy)' });
  const revision = parseRevision(object['revision'], ifMatch, errors, true);
  const note = parseNote(object['note'], errors);
  if (errors.length > 0) throw DomainException.invalidRequest(errors);
  return { document: document as Record<string, unknown>, revision: revision!, note };
}

export function parsePublish(body: unknown, ifMatch: number | undefined): PublishInput {
  const object = bodyObject(body ?? {}, 'an object, e.g. {} or {"supersedes": 2}');
  const errors = unknownKeys(object, ['supersedes', 'revision']);
  const { supersedes } = object;
  if (supersedes !== undefined && supersedes !== null && !isVersionNumber(supersedes)) {
    errors.push({ path: '/supersedes', message: 'supersedes must be the version number in force (or null when none is)' });
  }
  const revision = parseRevision(object['revision'], ifMatch, errors, false);
  if (errors.length > 0) throw DomainException.invalidRequest(errors);
  return { supersedes: supersedes as number | null | undefined, revision };
}

/** A simulation takes no settings: no body, or an empty object. */
export function parseSimulate(body: unknown): void {
  if (body === undefined || body === null) return;
  const object = bodyObject(body, 'an empty object {} (a simulation takes no settings)');
  const errors = Object.keys(object).map((key) => ({ path: `/${key}`, message: `a simulation takes no settings; remove '${key}'` }));
  if (errors.length > 0) throw DomainException.invalidRequest(errors);
}

export function parseRollback(body: unknown): { supersedes: number | undefined } {
  const object = bodyObject(body ?? {}, 'an object, e.g. {} or {"supersedes": 3}');
  const errors = unknownKeys(object, ['supersedes']);
  const { supersedes } = object;
  if (supersedes !== undefined && !isVersionNumber(supersedes)) {
    errors.push({ path: '/supersedes', message: 'supersedes must be the version number in force' });
  }
  if (errors.length > 0) throw DomainException.invalidRequest(errors);
  return { supersedes: supersedes as number | undefined };
}

export function parsePolicyTest(body: unknown): PolicyTestInput {
  const object = bodyObject(body, 'an object: {"facts": {...}} or {"customerId": "..."}');
  const errors = unknownKeys(object, ['facts', 'customerId']);
  const { facts, customerId } = object;
  if (facts !== undefined && customerId !== undefined)
    errors.push({ path: '/customerId', message: 'give either facts or a customerId, not both' });
  else if (facts === undefined && customerId === undefined)
    errors.push({ path: '/facts', message: 'give facts to test, or the customerId of a stored customer' });
  if (facts !== undefined && !isPlainObject(facts)) errors.push({ path: '/facts', message: 'facts must be an object' });
  else if (isPlainObject(facts) && 'customerId' in facts)
    errors.push({ path: '/facts/customerId', message: 'facts cannot contain customerId' });
  if (customerId !== undefined && !isCustomerId(customerId))
    errors.push({ path: '/customerId', message: 'customerId must be a customer id (letters, digits, . _ : -)' });
  if (errors.length > 0) throw DomainException.invalidRequest(errors);
  return facts !== undefined
    ? { kind: 'facts', facts: facts as Record<string, unknown> }
    : { kind: 'customer', customerId: customerId as string };
}

/** A version number from a path or query segment. */
export function parseVersionParam(raw: unknown, path: string): number {
  const value = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (isVersionNumber(value)) return value;
  throw DomainException.invalidRequest([
    { path, message: `'${(typeof raw === 'string' ? raw : '').slice(0, 40)}' is not a version number (1, 2, ...)` },
  ]);
}

export function isVersionNumber(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) > 0;
}

function bodyObject(body: unknown, expected: string): Record<string, unknown> {
  if (isPlainObject(body)) return body;
  throw DomainException.invalidRequest([{ path: '', message: `the body must be ${expected}` }]);
}

function unknownKeys(object: Record<string, unknown>, known: readonly string[]): FieldError[] {
  return Object.keys(object)
    .filter((key) => !known.includes(key))
    .map((key) => ({ path: `/${key}`, message: `unknown field '${key}'; use ${known.join(', ')}` }));
}

function parseNote(raw: unknown, errors: FieldError[]): string | null | undefined {
  if (raw === undefined || raw === null) return raw;
  if (typeof raw !== 'string' || raw.length > MAX_NOTE) {
    errors.push({ path: '/note', message: `note must be text of at most ${MAX_NOTE} characters` });
    return undefined;
  }
  return raw.trim() === '' ? null : raw.trim();
}

function parseRevision(raw: unknown, ifMatch: number | undefined, errors: FieldError[], required: boolean): number | undefined {
  if (raw !== undefined && !isVersionNumber(raw)) {
    errors.push({ path: '/revision', message: 'revision must be the draft revision you started from (1, 2, ...)' });
    return undefined;
  }
  const revision = raw ?? ifMatch;
  if (raw !== undefined && ifMatch !== undefined && raw !== ifMatch) {
    errors.push({ path: '/revision', message: `revision ${String(raw)} and If-Match "${ifMatch}" disagree` });
  } else if (required && revision === undefined) {
    errors.push({
      path: '/revision',
      message: "say which revision you edited (revision in the body, or If-Match) so that nobody else's save is overwritten",
    });
  }
  return revision;
}
