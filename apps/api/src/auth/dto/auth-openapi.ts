import type { SchemaObject } from '@nestjs/swagger';
import { MIN_PASSWORD_LENGTH } from '../../config/app-config.js';
import { schemaRef } from '../../openapi/schema-ref.js';
import { ROLES } from '../role.js';
import { MAX_PASSWORD_LENGTH } from './auth-inputs.js';

// OpenAPI schemas of the access-control bodies and answers. Bodies are parsed by
// hand (auth-inputs.ts), so the document states them here, once.

const role: SchemaObject = { type: 'string', enum: [...ROLES] };
const username: SchemaObject = { type: 'string', pattern: '^[a-z0-9][a-z0-9._@-]{0,63}$', description: 'Stored lower-case.' };
const password: SchemaObject = { type: 'string', minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH, format: 'password' };
const timestamp: SchemaObject = { type: 'string', format: 'date-time' };
const nullableTimestamp: SchemaObject = { type: 'string', format: 'date-time', nullable: true };

export const LOGIN_BODY: SchemaObject = {
  type: 'object',
  required: ['username', 'password'],
  properties: { username: { type: 'string' }, password: { type: 'string', format: 'password' } },
};

export const LOGIN_RESPONSE: SchemaObject = {
  type: 'object',
  required: ['accessToken'],
  properties: {
    accessToken: { type: 'string', description: 'An HS256 JWT valid 8 hours; send it as Authorization: Bearer <accessToken>.' },
  },
};

export const ME_RESPONSE: SchemaObject = {
  type: 'object',
  required: ['kind', 'actor', 'role'],
  properties: {
    kind: { type: 'string', enum: ['user', 'api-key'] },
    actor: { type: 'string', example: 'user:alice' },
    role,
    username: { type: 'string' },
    apiKeyId: { type: 'string', format: 'uuid' },
    apiKeyName: { type: 'string' },
  },
};

export const USER: SchemaObject = {
  type: 'object',
  required: ['id', 'username', 'role', 'disabled', 'createdBy', 'createdAt', 'updatedAt'],
  properties: {
    id: { type: 'string', description: 'The user name.' },
    username,
    role,
    disabled: { type: 'boolean' },
    createdBy: { type: 'string' },
    createdAt: timestamp,
    updatedAt: timestamp,
  },
};

export const CREATE_USER_BODY: SchemaObject = {
  type: 'object',
  required: ['username', 'password', 'role'],
  additionalProperties: false,
  properties: { username, password, role },
};

export const UPDATE_USER_BODY: SchemaObject = {
  type: 'object',
  properties: { role, disabled: { type: 'boolean' }, password },
};

export const API_KEY: SchemaObject = {
  type: 'object',
  required: ['id', 'name', 'role', 'prefix', 'createdBy', 'createdAt', 'revokedAt', 'revokedBy', 'lastUsedAt', 'expiresAt'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    name: { type: 'string' },
    role,
    prefix: { type: 'string', example: 'tw_AbC123', description: 'The first characters of the key, to tell keys apart.' },
    createdBy: { type: 'string' },
    createdAt: timestamp,
    revokedAt: nullableTimestamp,
    revokedBy: { type: 'string', nullable: true },
    lastUsedAt: { ...nullableTimestamp, description: 'Updated at most every few seconds.' },
    expiresAt: { ...nullableTimestamp, description: 'From then on the key is refused with 401; null: it works until revoked.' },
  },
};

export const CREATED_API_KEY: SchemaObject = {
  allOf: [
    schemaRef('ApiKey'),
    {
      type: 'object',
      required: ['key'],
      properties: { key: { type: 'string', description: 'The key itself, shown only in this answer: send it as X-API-Key.' } },
    },
  ],
};

export const CREATE_API_KEY_BODY: SchemaObject = {
  type: 'object',
  required: ['name', 'role'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 100, description: 'Unique among live keys.' },
    role,
    expiresAt: { ...nullableTimestamp, description: 'Optional; in the future. Omitted or null: the key works until revoked.' },
  },
};

export const CHANGE_OWN_PASSWORD_BODY: SchemaObject = {
  type: 'object',
  required: ['currentPassword', 'newPassword'],
  additionalProperties: false,
  properties: {
    currentPassword: { type: 'string', format: 'password' },
    newPassword: {
      ...password,
      description: 'Refused when easy to guess (zxcvbn score below 3, the user name counting as known); the problem says why.',
    },
  },
};

/** Named under components/schemas; operations refer to them by these names. */
export const AUTH_SCHEMAS: Readonly<Record<string, SchemaObject>> = {
  LoginRequest: LOGIN_BODY,
  LoginResponse: LOGIN_RESPONSE,
  Me: ME_RESPONSE,
  User: USER,
  CreateUserRequest: CREATE_USER_BODY,
  UpdateUserRequest: UPDATE_USER_BODY,
  ApiKey: API_KEY,
  CreatedApiKey: CREATED_API_KEY,
  CreateApiKeyRequest: CREATE_API_KEY_BODY,
  ChangeOwnPasswordRequest: CHANGE_OWN_PASSWORD_BODY,
};
