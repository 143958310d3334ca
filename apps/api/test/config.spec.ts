import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/config/config.error.js';
import { ENVIRONMENT_VARIABLES } from '../src/config/environment-variables.js';
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

/** The names loadConfig looks up in `env`, seen through a proxy rather than by reading its source. */
function namesRead(env: Record<string, string>): Set<string> {
  const read = new Set<string>();
  const watched = new Proxy(env, {
    get(target, name, receiver) {
      if (typeof name === 'string') read.add(name);
      return Reflect.get(target, name, receiver) as string | undefined;
    },
  });
  try {
    loadConfig(watched);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
  }
  return read;
}

describe('configuration read at boot', () => {
  it('reads exactly the variables ENVIRONMENT_VARIABLES lists', () => {
    expect([...namesRead({})].sort()).toEqual([...ENVIRONMENT_VARIABLES].sort());
    // With every variable set, nothing further is looked up.
    const all = Object.fromEntries(ENVIRONMENT_VARIABLES.map((name) => [name, 'x']));
    expect([...namesRead(all)].sort()).toEqual([...ENVIRONMENT_VARIABLES].sort());
  });

  it('works with no environment at all: port 3000, embedded database in ./.data', () => {
    const config = loadConfig({}, '/srv/tierwise');
    expect(config).toMatchObject({
      port: 3000,
      logLevel: 'info',
      database: { kind: 'embedded', dataDir: '/srv/tierwise/.data' },
      demoCustomers: 500,
    });
  });

  it('takes PostgreSQL, port, log level and the demo population from the environment', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgresql://tierwise@db:5432/tierwise',
      PORT: '8080',
      LOG_LEVEL: 'warn',
      TIERWISE_DEMO_CUSTOMERS: '0',
    });
    expect(config).toMatchObject({
      port: 8080,
      logLevel: 'warn',
      database: { kind: 'postgres', url: 'postgresql://tierwise@db:5432/tierwise' },
      demoCustomers: 0,
    });
  });

  it('names every bad variable at once, never echoing a password in a URL', () => {
    const problems = problemsOf({
      PORT: 'abc',
      LOG_LEVEL: 'loud',
      DATABASE_URL: 'mysql://root:hunter2@db/tierwise',
      TIERWISE_DEMO_CUSTOMERS: '100001',
    });
    expect(problems).toEqual([
      "PORT must be a whole number from 0 to 65535, not 'abc'",
      "TIERWISE_DEMO_CUSTOMERS must be a whole number from 0 to 100000, not '100001'",
      "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, not 'loud'",
      "DATABASE_URL must be a postgres:// or postgresql:// URL, not 'mysql://***@db/tierwise'",
    ]);
    expect(problems.join('\n')).not.toContain('hunter2');
  });

  it('listens on loopback and allows no foreign origin unless HOST and TIERWISE_CORS_ORIGINS say otherwise', () => {
    expect(loadConfig({})).toMatchObject({ host: '127.0.0.1', corsOrigins: [] });
    expect(loadConfig({ HOST: '0.0.0.0', TIERWISE_CORS_ORIGINS: 'http://localhost:5173, https://console.example.com/' })).toMatchObject({
      host: '0.0.0.0',
      corsOrigins: ['http://localhost:5173', 'https://console.example.com'],
    });
  });

  it('refuses a CORS origin that is not scheme://host[:port]', () => {
    expect(problemsOf({ TIERWISE_CORS_ORIGINS: 'http://ok.example, *, https://x.example/path' })).toEqual([
      "TIERWISE_CORS_ORIGINS must list origins such as https://console.example.com, comma-separated, not '*'",
      "TIERWISE_CORS_ORIGINS must list origins such as https://console.example.com, comma-separated, not 'https://x.example/path'",
    ]);
  });

  it('believes no proxy unless TIERWISE_TRUSTED_PROXIES lists addresses, ranges or named ranges', () => {
    expect(loadConfig({})).toMatchObject({ trustedProxies: [] });
    expect(loadConfig({ TIERWISE_TRUSTED_PROXIES: '10.0.0.0/8, 127.0.0.1,loopback, fd00::/8' })).toMatchObject({
      trustedProxies: ['10.0.0.0/8', '127.0.0.1', 'loopback', 'fd00::/8'],
    });
    expect(problemsOf({ TIERWISE_TRUSTED_PROXIES: 'true, 10.0.0.0/33, proxy.example' })).toEqual(
      ['true', '10.0.0.0/33', 'proxy.example'].map(
        (entry) =>
          `TIERWISE_TRUSTED_PROXIES must list proxy addresses or ranges such as 10.0.0.0/8, 127.0.0.1 or loopback, comma-separated, not '${entry}'`,
      ),
    );
  });

  it('ignores empty variables, as if unset', () => {
    expect(loadConfig({ PORT: '', LOG_LEVEL: ' ', DATABASE_URL: '' })).toMatchObject({
      port: 3000,
      logLevel: 'info',
      database: { kind: 'embedded' },
    });
  });
});
