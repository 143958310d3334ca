import { DomainException } from '../../common/domain.exception.js';
import type { FieldError } from '../../common/field-error.js';
import { isPlainObject } from '../../common/request-shape.js';
import { MIN_PASSWORD_LENGTH, USERNAME_PATTERN } from '../../config/app-config.js';
import { ROLES, type Role } from '../role.js';

// Request bodies of the auth routes, checked by hand like the rest of the API:
// every problem at once, each at its JSON pointer.

export interface LoginInput {
  username: string;
  password: string;
}

export interface CreateUserInput {
  username: string;
  password: string;
  role: Role;
}

export interface UpdateUserInput {
  role?: Role;
  disabled?: boolean;
  password?: string;
}

export interface CreateApiKeyInput {
  name: string;
  role: Role;
  /** Null: the key works until revoked. */
  expiresAt: Date | null;
}

/** A signed-in user changing their own password. */
export interface ChangeOwnPasswordInput {
  currentPassword: string;
  newPassword: string;
}

// scrypt takes any length, but nobody types more, and a megabyte "password" is only load.
export const MAX_PASSWORD_LENGTH = 1024;
const MAX_KEY_NAME = 100;

export function parseLogin(body: unknown): LoginInput {
  const errors: FieldError[] = [];
  const object = objectBody(body, 'username and password');
  const username = object['username'];
  const password = object['password'];
  if (typeof username !== 'string' || username.trim() === '')
    errors.push({ path: '/username', message: 'username is required and must be text' });
  if (typeof password !== 'string' || password === '') errors.push({ path: '/password', message: 'password is required and must be text' });
  if (errors.length > 0) throw DomainException.invalidRequest(errors);
  // Never checked against the rules for new passwords here: an old password must still sign in.
  return { username: (username as string).trim().toLowerCase(), password: password as string };
}

export function parseCreateUser(body: unknown): CreateUserInput {
  const object = objectBody(body, 'username, password and role');
  const errors: FieldError[] = [];
  unknownFields(object, ['username', 'password', 'role'], 'a new user has username, password and role', errors);
  const username = parseUsername(object['username'], errors);
  const password = parsePassword(object['password'], errors, true);
  const role = parseRole(object['role'], errors, true);
  if (errors.length > 0) throw DomainException.invalidRequest(errors);
  return { username: username!, password: password!, role: role! };
}

export function parseUpdateUser(body: unknown): UpdateUserInput {
  const object = objectBody(body, 'role, disabled or password');
  const errors: FieldError[] = [];
  // react-admin sends the whole record back on edit: its read-only fields are ignored.
  unknownFields(
    object,
    ['role', 'disabled', 'password', ...READ_ONLY_USER_FIELDS],
    'a user change may set role, disabled or password',
    errors,
  );
  const input: UpdateUserInput = {};
  const role = parseRole(object['role'], errors, false);
  if (role !== undefined) input.role = role;
  if (object['disabled'] !== undefined) {
    if (typeof object['disabled'] === 'boolean') input.disabled = object['disabled'];
    else errors.push({ path: '/disabled', message: 'disabled must be true or false' });
  }
  const password = parsePassword(object['password'], errors, false);
  if (password !== undefined) input.password = password;
  if (errors.length > 0) throw DomainException.invalidRequest(errors);
  return input;
}

export function parseCreateApiKey(body: unknown): CreateApiKeyInput {
  const object = objectBody(body, 'name and role');
  const errors: FieldError[] = [];
  unknownFields(object, ['name', 'role', 'expiresAt'], 'a new API key has name, role and optionally expiresAt', errors);
  const raw = object['name'];
  const name = typeof raw === 'string' ? raw.trim() : undefined;
  if (name === undefined)
    errors.push({ path: '/name', message: 'name is required and must be text, e.g. the system that will use the key' });
  else if (name.length === 0 || name.length > MAX_KEY_NAME)
    errors.push({ path: '/name', message: `name must be 1 to ${MAX_KEY_NAME} characters` });
  else if ([...name].some((char) => char.charCodeAt(0) < 0x20))
    errors.push({ path: '/name', message: 'name must not contain control characters' });
  const role = parseRole(object['role'], errors, true);
  const expiresAt = parseExpiry(object['expiresAt'], errors);
  if (errors.length > 0) throw DomainException.invalidRequest(errors);
  return { name: name!, role: role!, expiresAt: expiresAt ?? null };
}

export function parseChangeOwnPassword(body: unknown): ChangeOwnPasswordInput {
  const object = objectBody(body, 'currentPassword and newPassword');
  const errors: FieldError[] = [];
  unknownFields(object, ['currentPassword', 'newPassword'], 'a password change has currentPassword and newPassword', errors);
  const current = object['currentPassword'];
  if (typeof current !== 'string' || current === '') {
    errors.push({ path: '/currentPassword', message: 'currentPassword is required and must be text' });
  }
  const newPassword = parsePassword(object['newPassword'], errors, true, '/newPassword');
  if (errors.length > 0) throw DomainException.invalidRequest(errors);
  return { currentPassword: current as string, newPassword: newPassword! };
}

// An RFC 3339 date-time with an explicit offset, so "when" is never the server's local guess.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

function parseExpiry(raw: unknown, errors: FieldError[]): Date | undefined {
  if (raw === undefined || raw === null) return undefined;
  const at = typeof raw === 'string' && DATE_TIME.test(raw) ? new Date(raw) : undefined;
  if (at === undefined || Number.isNaN(at.getTime())) {
    errors.push({ path: '/expiresAt', message: "expiresAt must be a date and time with its offset, e.g. '2027-06-30T23:59:59Z', or null" });
    return undefined;
  }
  if (at.getTime() <= Date.now()) {
    errors.push({
      path: '/expiresAt',
      message: `expiresAt ${at.toISOString()} is not in the future; a key must work for some time after it is made`,
    });
    return undefined;
  }
  return at;
}

const READ_ONLY_USER_FIELDS = ['id', 'username', 'createdBy', 'createdAt', 'updatedAt'];

function objectBody(body: unknown, expected: string): Record<string, unknown> {
  if (!isPlainObject(body))
    throw DomainException.invalidRequest([{ path: '', message: `the body must be a JSON object with ${expected}` }]);
  return body;
}

function unknownFields(object: Record<string, unknown>, known: readonly string[], hint: string, errors: FieldError[]): void {
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) errors.push({ path: `/${key}`, message: `unknown field '${key}'; ${hint}` });
  }
}

function parseUsername(raw: unknown, errors: FieldError[]): string | undefined {
  if (typeof raw !== 'string') {
    errors.push({ path: '/username', message: 'username is required and must be text' });
    return undefined;
  }
  const username = raw.trim().toLowerCase();
  if (!USERNAME_PATTERN.test(username)) {
    errors.push({
      path: '/username',
      message: "username must be 1 to 64 letters, digits, '.', '_', '-' or '@', starting with a letter or digit",
    });
    return undefined;
  }
  return username;
}

// Length only: how guessable a password is depends on the user name too, so the services check that (password-strength.ts).
function parsePassword(raw: unknown, errors: FieldError[], required: boolean, path = '/password'): string | undefined {
  if (raw === undefined && !required) return undefined;
  const field = path.slice(1);
  if (typeof raw !== 'string') {
    errors.push({ path, message: `${field} is required and must be text` });
    return undefined;
  }
  if (raw.length < MIN_PASSWORD_LENGTH || raw.length > MAX_PASSWORD_LENGTH) {
    errors.push({
      path,
      message: `${field} must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters; a few words make a good one`,
    });
    return undefined;
  }
  return raw;
}

function parseRole(raw: unknown, errors: FieldError[], required: boolean): Role | undefined {
  if (raw === undefined && !required) return undefined;
  if (!(ROLES as readonly unknown[]).includes(raw)) {
    errors.push({ path: '/role', message: `role must be one of ${ROLES.join(', ')}` });
    return undefined;
  }
  return raw as Role;
}
