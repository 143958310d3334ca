import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { SignInThrottle, type SignInAttempt } from '../src/auth/sign-in-throttle.js';

// The throttle on its own, in memory and on the real local Redis (several api
// processes share one count there). The contract numbers are written out: 5 per
// name and address, 100 per name, 15-minute windows.
const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
// One prefix per run, removed afterwards, so parallel runs and leftovers never meet.
const PREFIX = `tierwise-test:${randomUUID()}`;

const attempt = (username: string, address: string, generation = 0): SignInAttempt => ({ username, address, generation });

const stores = [
  { store: 'memory', make: () => new SignInThrottle() },
  { store: 'Redis', make: () => new SignInThrottle({ redisUrl: REDIS_URL, keyPrefix: PREFIX }) },
] as const;

describe.each(stores)('the sign-in throttle in $store', ({ make }) => {
  const throttles: SignInThrottle[] = [];
  const throttle = () => {
    const made = make();
    throttles.push(made);
    return made;
  };
  afterAll(async () => {
    await Promise.all(throttles.map((made) => made.close()));
  });

  it('locks a name from one address after 5 failures, for 15 minutes, and not from another address', async () => {
    const limiter = throttle();
    const name = `user-${randomUUID()}`;
    for (let i = 0; i < 4; i++) await limiter.failed(attempt(name, '10.0.0.1'));
    expect(await limiter.lockOf(attempt(name, '10.0.0.1'))).toBeUndefined();
    await limiter.failed(attempt(name, '10.0.0.1'));
    const lock = await limiter.lockOf(attempt(name, '10.0.0.1'));
    expect(lock?.scope).toBe('name-and-address');
    expect(lock?.retryAfterSeconds).toBeGreaterThan(890);
    expect(lock?.retryAfterSeconds).toBeLessThanOrEqual(900);
    expect(await limiter.lockOf(attempt(name, '10.0.0.2'))).toBeUndefined();
  });

  it('locks a name everywhere after 100 failures from many addresses', async () => {
    const limiter = throttle();
    const name = `user-${randomUUID()}`;
    for (let i = 0; i < 99; i++) await limiter.failed(attempt(name, `10.1.0.${i}`));
    expect(await limiter.lockOf(attempt(name, '10.9.9.9'))).toBeUndefined();
    await limiter.failed(attempt(name, '10.1.1.1'));
    expect(await limiter.lockOf(attempt(name, '10.9.9.9'))).toMatchObject({ scope: 'name' });
  });

  it('forgets an address after a success there, and lifts every lock when the generation moves on', async () => {
    const limiter = throttle();
    const name = `user-${randomUUID()}`;
    for (let i = 0; i < 5; i++) await limiter.failed(attempt(name, '10.2.0.1'));
    for (let i = 0; i < 5; i++) await limiter.failed(attempt(name, '10.2.0.2'));
    await limiter.succeeded(attempt(name, '10.2.0.1'));
    expect(await limiter.lockOf(attempt(name, '10.2.0.1'))).toBeUndefined();
    expect(await limiter.lockOf(attempt(name, '10.2.0.2'))).toBeDefined();
    expect(await limiter.lockOf(attempt(name, '10.2.0.2', 1))).toBeUndefined();
  });

  it('counts refusals per name and address and per address, for audit sampling', async () => {
    const limiter = throttle();
    const name = `user-${randomUUID()}`;
    const address = `10.3.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    expect(await limiter.countRefusal(attempt(name, address))).toEqual({ byNameAndAddress: 1, byAddress: 1 });
    expect(await limiter.countRefusal(attempt(name, address))).toEqual({ byNameAndAddress: 2, byAddress: 2 });
    expect(await limiter.countRefusal(attempt(`${name}-other`, address))).toEqual({ byNameAndAddress: 1, byAddress: 3 });
  });
});

describe('the sign-in throttle on Redis, across api processes', () => {
  const redis = new Redis(REDIS_URL);
  afterAll(async () => {
    const keys = await redis.keys(`${PREFIX}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('shares one count between two instances: failures at one lock the name at the other', async () => {
    const first = new SignInThrottle({ redisUrl: REDIS_URL, keyPrefix: PREFIX });
    const second = new SignInThrottle({ redisUrl: REDIS_URL, keyPrefix: PREFIX });
    try {
      const name = `user-${randomUUID()}`;
      for (let i = 0; i < 3; i++) await first.failed(attempt(name, '10.4.0.1'));
      for (let i = 0; i < 2; i++) await second.failed(attempt(name, '10.4.0.1'));
      expect(await first.lockOf(attempt(name, '10.4.0.1'))).toMatchObject({ scope: 'name-and-address' });
      expect(await second.lockOf(attempt(name, '10.4.0.1'))).toMatchObject({ scope: 'name-and-address' });
      expect(await redis.keys(`${PREFIX}:failures:name-address:${name}*`)).toHaveLength(1);
      expect(await redis.pttl((await redis.keys(`${PREFIX}:failures:name-address:${name}*`))[0]!)).toBeGreaterThan(890_000);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});
