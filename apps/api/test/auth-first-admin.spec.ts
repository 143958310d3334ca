import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { AppModule } from '../src/app.module.js';
import { SECRET_PRINTER } from '../src/auth/first-admin.service.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { startTestApp, testConfig, type TestApp } from './support/test-app.js';

describe('the first admin, created on first start', () => {
  const opened: (TestApp | TestDatabase)[] = [];
  afterEach(async () => {
    for (const resource of opened.splice(0).reverse()) await ('app' in resource ? resource.close() : resource.drop());
  });

  const login = (t: TestApp, username: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

  it('comes from TIERWISE_ADMIN_USERNAME / TIERWISE_ADMIN_PASSWORD when they are set', async () => {
    const t = await startTestApp({ firstAdmin: { username: 'root', password: 'root-password-for-tests' } });
    opened.push(t);
    const users = await t.db.sql(`SELECT username, role, disabled, created_by FROM users`);
    expect(users).toEqual([{ username: 'root', role: 'admin', disabled: false, created_by: 'system' }]);
    const response = await login(t, 'root', 'root-password-for-tests');
    expect(response.statusCode).toBe(200);
    const audit = await t.db.sql(`SELECT actor, action, target, summary FROM audit_events WHERE action = 'user.create'`);
    expect(audit).toEqual([
      {
        actor: 'system',
        action: 'user.create',
        target: 'user:root',
        summary: { role: 'admin', firstAdmin: true, password: 'TIERWISE_ADMIN_PASSWORD' },
      },
    ]);
  });

  it('is created once: a later start with other settings changes nobody', async () => {
    const db = await createTestDatabase();
    opened.push(db);
    const first = await startTestApp({ firstAdmin: { username: 'root', password: 'root-password-for-tests' } }, db);
    await first.close();
    const second = await startTestApp({ firstAdmin: { username: 'other', password: 'other-password-for-tests' } }, db);
    opened.push(second);
    expect(await db.sql(`SELECT username FROM users`)).toEqual([{ username: 'root' }]);
    expect((await login(second, 'other', 'other-password-for-tests')).statusCode).toBe(401);
    expect((await login(second, 'root', 'root-password-for-tests')).statusCode).toBe(200);
  });

  it('is created by one instance only when two start together on an empty database', async () => {
    const db = await createTestDatabase();
    opened.push(db);
    const [a, b] = await Promise.all([
      startTestApp({ firstAdmin: { username: 'first-a', password: 'password-of-instance-a' } }, db),
      startTestApp({ firstAdmin: { username: 'first-b', password: 'password-of-instance-b' } }, db),
    ]);
    opened.push(a, b);
    const users = await db.sql<{ username: string }>(`SELECT username FROM users`);
    expect(users).toHaveLength(1);
    expect(['first-a', 'first-b']).toContain(users[0]!.username);
  });

  it('otherwise is `admin` with a one-time password, printed once, that signs in', async () => {
    const db = await createTestDatabase();
    opened.push(db);
    const printed: string[] = [];
    // The real module tree, with only the printer swapped so the test can read the banner.
    const config = testConfig({ kind: 'postgres', url: db.url }, { firstAdmin: undefined });
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.register(config, pino({ level: 'silent' }))] })
      .overrideProvider(SECRET_PRINTER)
      .useValue((text: string) => printed.push(text))
      .compile();
    const booted = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    await booted.init();
    await booted.close();

    expect(printed).toHaveLength(1);
    const password = /password: {2}(\S+)/.exec(printed[0]!)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(printed[0]).toContain('user name: admin');
    expect(printed[0]).toContain('shown only this once');

    const t = await startTestApp({ firstAdmin: undefined }, db);
    opened.push(t);
    expect(await db.sql(`SELECT username, role FROM users`)).toEqual([{ username: 'admin', role: 'admin' }]);
    const [row] = await db.sql<{ password_hash: string }>(`SELECT password_hash FROM users`);
    expect(row!.password_hash).not.toContain(password!);
    expect((await login(t, 'admin', password!)).statusCode).toBe(200);
    const audit = await db.sql<{ summary: unknown }>(`SELECT summary FROM audit_events WHERE action = 'user.create'`);
    expect(audit).toEqual([{ summary: { role: 'admin', firstAdmin: true, password: 'one-time' } }]);
  });
});
