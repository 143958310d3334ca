import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/config/config.error.js';
import { loadConfig, type Environment } from '../src/config/load-config.js';

function problemsOf(env: Environment): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('access-control settings read at boot', () => {
  it('takes the first admin and the JWT secret when both are valid', () => {
    const config = loadConfig({
      TIERWISE_ADMIN_USERNAME: 'Root',
      TIERWISE_ADMIN_PASSWORD: ' ant tractor velvet ocean ',
      TIERWISE_JWT_SECRET: 'x'.repeat(32),
    });
    expect(config.firstAdmin).toEqual({ username: 'root', password: ' ant tractor velvet ocean ' });
    expect(config.jwtSecret).toBe('x'.repeat(32));
  });

  it('leaves both unset when the environment says nothing (a one-time password and a random key at boot)', () => {
    const config = loadConfig({});
    expect(config.firstAdmin).toBeUndefined();
    expect(config.jwtSecret).toBeUndefined();
  });

  it('wants the admin user name and password together, or neither', () => {
    expect(problemsOf({ TIERWISE_ADMIN_USERNAME: 'root' })).toEqual([
      'TIERWISE_ADMIN_USERNAME and TIERWISE_ADMIN_PASSWORD must be set together, or neither',
    ]);
    expect(problemsOf({ TIERWISE_ADMIN_PASSWORD: 'a long enough password' })).toHaveLength(1);
  });

  it('refuses a guessable first-admin password at boot, saying why, without echoing it', () => {
    const problems = problemsOf({ TIERWISE_ADMIN_USERNAME: 'root', TIERWISE_ADMIN_PASSWORD: 'password1234' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^TIERWISE_ADMIN_PASSWORD is refused: this password is too easy to guess/);
    expect(problems[0]).toContain('This is similar to a commonly used password.');
    expect(problems[0]).not.toContain('password1234');
  });

  it('reads REDIS_URL, and refuses one that is not redis:// or rediss://', () => {
    expect(loadConfig({ REDIS_URL: 'redis://cache:6379/0' }).redisUrl).toBe('redis://cache:6379/0');
    expect(loadConfig({}).redisUrl).toBeUndefined();
    expect(problemsOf({ REDIS_URL: 'http://user:secret@cache' })).toEqual([
      "REDIS_URL must be a redis:// or rediss:// URL, not 'http://***@cache'",
    ]);
  });

  it('names every bad setting at once, without echoing a secret', () => {
    const problems = problemsOf({
      TIERWISE_ADMIN_USERNAME: 'no spaces please',
      TIERWISE_ADMIN_PASSWORD: 'short-pw',
      TIERWISE_JWT_SECRET: 'too-short-secret',
    });
    expect(problems).toEqual([
      'TIERWISE_JWT_SECRET must be at least 32 characters (it has 16); e.g. openssl rand -base64 48',
      expect.stringMatching(/^TIERWISE_ADMIN_USERNAME must be 1 to 64 letters/),
      'TIERWISE_ADMIN_PASSWORD must be at least 12 characters (it has 8)',
    ]);
    expect(problems.join('\n')).not.toContain('short-pw');
    expect(problems.join('\n')).not.toContain('too-short-secret');
  });
});
