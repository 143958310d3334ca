import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract, type RateLimiterRes } from 'rate-limiter-flexible';
import type { Logger } from 'pino';
import { USERNAME_PATTERN } from '../config/app-config.js';
import { FAILURES_PER_NAME, FAILURES_PER_NAME_AND_ADDRESS, SIGN_IN_WINDOW_SECONDS } from './sign-in-limits.js';

// Counting is done by rate-limiter-flexible: atomic increments with expiry in Redis
// (one Lua script per count), so several api processes share one count, and the
// same API in memory for the embedded default, which needs no server. It is widely
// used, maintained, and falls back to memory on its own if Redis stops answering.

/** Who is trying: the name typed (trimmed, lower-cased), its sign-in generation, and the client address. */
export interface SignInAttempt {
  username: string;
  /** users.sign_in_generation, 0 for unknown names: moving it on lifts every lock on the name. */
  generation: number;
  address: string;
}

export interface SignInLock {
  scope: 'name-and-address' | 'name';
  retryAfterSeconds: number;
}

/** Refusals counted so far in this window, to decide which are worth an audit row. */
export interface RefusalCounts {
  byNameAndAddress: number;
  byAddress: number;
}

export interface SignInThrottleOptions {
  /** Unset: counts live in this process only. */
  redisUrl?: string | undefined;
  /** Namespaces the Redis keys (tests use one per run). */
  keyPrefix?: string;
  logger?: Logger;
}

// Counters that only count (for audit sampling) never refuse.
const UNLIMITED = Number.MAX_SAFE_INTEGER;

/** Failed sign-ins per name+address and per name, and the locks they cause. */
export class SignInThrottle {
  private readonly redis: Redis | undefined;
  private readonly byNameAndAddress: RateLimiterAbstract;
  private readonly byName: RateLimiterAbstract;
  private readonly refusalsByNameAndAddress: RateLimiterAbstract;
  private readonly refusalsByAddress: RateLimiterAbstract;

  constructor(options: SignInThrottleOptions = {}) {
    const prefix = options.keyPrefix ?? 'tierwise:sign-in';
    if (options.redisUrl !== undefined) {
      // A count waits for the connection, but only through one reconnection attempt:
      // while Redis is away the insurance (in-memory) limiter answers rather than sign-ins hanging.
      this.redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2_000 });
      this.redis.on('error', (error: Error) =>
        options.logger?.warn({ err: error }, 'sign-in throttle: Redis unavailable, counting in memory'),
      );
    }
    this.byNameAndAddress = this.limiter(`${prefix}:failures:name-address`, FAILURES_PER_NAME_AND_ADDRESS);
    this.byName = this.limiter(`${prefix}:failures:name`, FAILURES_PER_NAME);
    this.refusalsByNameAndAddress = this.limiter(`${prefix}:refusals:name-address`, UNLIMITED);
    this.refusalsByAddress = this.limiter(`${prefix}:refusals:address`, UNLIMITED);
  }

  /** The lock in force for this attempt, if any; the password is not checked while locked. */
  async lockOf(attempt: SignInAttempt): Promise<SignInLock | undefined> {
    const [nameAndAddress, name] = await Promise.all([
      this.byNameAndAddress.get(nameAndAddressKey(attempt)),
      this.byName.get(nameKey(attempt)),
    ]);
    if (isSpent(name, FAILURES_PER_NAME)) return { scope: 'name', retryAfterSeconds: secondsLeft(name) };
    if (isSpent(nameAndAddress, FAILURES_PER_NAME_AND_ADDRESS)) {
      return { scope: 'name-and-address', retryAfterSeconds: secondsLeft(nameAndAddress) };
    }
    return undefined;
  }

  async failed(attempt: SignInAttempt): Promise<void> {
    await Promise.all([consume(this.byNameAndAddress, nameAndAddressKey(attempt)), consume(this.byName, nameKey(attempt))]);
  }

  /** Forgets this address's failures on the name; the name's own count stays (it counts every address). */
  async succeeded(attempt: SignInAttempt): Promise<void> {
    await this.byNameAndAddress.delete(nameAndAddressKey(attempt));
  }

  /** Counts a refused attempt (wrong password or locked) for audit sampling. */
  async countRefusal(attempt: SignInAttempt): Promise<RefusalCounts> {
    const [byNameAndAddress, byAddress] = await Promise.all([
      consume(this.refusalsByNameAndAddress, nameAndAddressKey(attempt)),
      consume(this.refusalsByAddress, attempt.address),
    ]);
    return { byNameAndAddress: byNameAndAddress.consumedPoints, byAddress: byAddress.consumedPoints };
  }

  /** Nest calls this on app.close(): the Redis connection must not keep the process alive. */
  onModuleDestroy(): Promise<void> {
    return this.close();
  }

  async close(): Promise<void> {
    if (this.redis && this.redis.status !== 'end') await this.redis.quit().catch(() => this.redis!.disconnect());
  }

  private limiter(keyPrefix: string, points: number): RateLimiterAbstract {
    const memory = new RateLimiterMemory({ keyPrefix, points, duration: SIGN_IN_WINDOW_SECONDS });
    if (!this.redis) return memory;
    return new RateLimiterRedis({ storeClient: this.redis, keyPrefix, points, duration: SIGN_IN_WINDOW_SECONDS, insuranceLimiter: memory });
  }
}

// A name that cannot be a user name (any text may be typed) is hashed, so keys stay short.
function nameKey({ username, generation }: SignInAttempt): string {
  const name = USERNAME_PATTERN.test(username) ? username : `#${createHash('sha256').update(username).digest('base64url')}`;
  return `${name}/${generation}`;
}

function nameAndAddressKey(attempt: SignInAttempt): string {
  return `${nameKey(attempt)}@${attempt.address}`;
}

// The in-memory store answers a window that has run out (negative msBeforeNext) until its timer removes it.
function isSpent(result: RateLimiterRes | null, points: number): result is RateLimiterRes {
  return result !== null && result.msBeforeNext > 0 && result.consumedPoints >= points;
}

function secondsLeft(result: RateLimiterRes): number {
  return Math.max(1, Math.ceil(result.msBeforeNext / 1000));
}

// rate-limiter-flexible rejects with the result once points run out; the count still went up, which is all we want.
async function consume(limiter: RateLimiterAbstract, key: string): Promise<RateLimiterRes> {
  try {
    return await limiter.consume(key);
  } catch (rejection) {
    if (rejection instanceof Error) throw rejection;
    return rejection as RateLimiterRes;
  }
}
