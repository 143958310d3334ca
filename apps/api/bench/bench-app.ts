import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { pino } from 'pino';
import type { createApp as CreateApp } from '../src/app.factory.js';
import type { UsersService as Users } from '../src/auth/users.service.js';
import type { AppConfig } from '../src/config/app-config.js';
import type { findSeedPolicy as FindSeedPolicy } from '../src/config/find-seed-policy.js';
import type { Role } from '../src/auth/role.js';
import { SERVER_URL, withDatabase } from './bench-database.js';

// The application the in-process benches measure. Nest reads the decorator metadata tsc emits, which
// tsx alone does not: run from the build (each bench script builds first).
const dist = new URL('../dist/', import.meta.url);
export const { createApp } = (await import(new URL('app.factory.js', dist).href)) as { createApp: typeof CreateApp };
const { findSeedPolicy } = (await import(new URL('config/find-seed-policy.js', dist).href)) as { findSeedPolicy: typeof FindSeedPolicy };
const { UsersService } = (await import(new URL('auth/users.service.js', dist).href)) as { UsersService: typeof Users };

// A password of this run for every user it makes (a reused database keeps an earlier run's users).
const PASSWORD = randomBytes(18).toString('base64url');

/** The api on the bench server's `database`, seeded with the shipped policy, no demo customers. */
export function benchConfig(database: string): AppConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    corsOrigins: [],
    trustedProxies: [],
    logLevel: 'error',
    database: { kind: 'postgres', url: withDatabase(SERVER_URL, database) },
    seedPolicyPath: findSeedPolicy()!,
    demoCustomers: 0,
    firstAdmin: { username: 'bench-admin', password: PASSWORD },
  };
}

export function startBenchApp(config: AppConfig): Promise<NestFastifyApplication> {
  return createApp(config, pino({ level: 'error' }), { consoleFolder: null });
}

/** A user of its own for this run, signed in as the console would: its bearer token. */
export async function signInAs(app: NestFastifyApplication, role: Role): Promise<string> {
  const user = { username: `bench-${randomBytes(4).toString('hex')}`, password: PASSWORD };
  await app.get(UsersService).create({ ...user, role }, { actor: 'bench', requestId: 'bench' });
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: user });
  return login.json<{ accessToken: string }>().accessToken;
}
