import { isIP } from 'node:net';
import { resolve } from 'node:path';
import {
  LOG_LEVELS,
  MIN_JWT_SECRET_LENGTH,
  MIN_PASSWORD_LENGTH,
  USERNAME_PATTERN,
  type AppConfig,
  type DatabaseConfig,
  type FirstAdminConfig,
  type LogLevel,
} from './app-config.js';
import { weakPasswordReason } from '../auth/password-strength.js';
import { ConfigError } from './config.error.js';
import { findSeedPolicy } from './find-seed-policy.js';

export type Environment = Readonly<Record<string, string | undefined>>;

const DEFAULT_DEMO_CUSTOMERS = 500;
// Reachable from this machine only until a deploy says otherwise (docker-compose sets HOST=0.0.0.0).
const DEFAULT_HOST = '127.0.0.1';

/**
 * Reads and checks the environment once. Throws ConfigError naming every bad
 * variable; defaults make `npm start` work with no environment at all.
 */
export function loadConfig(env: Environment, cwd: string = process.cwd()): AppConfig {
  const problems: string[] = [];
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw === '' ? undefined : raw;
  };

  const port = integer(value('PORT'), 'PORT', { min: 0, max: 65_535, fallback: 3000 }, problems);
  const demoCustomers = integer(
    value('TIERWISE_DEMO_CUSTOMERS'),
    'TIERWISE_DEMO_CUSTOMERS',
    { min: 0, max: 100_000, fallback: DEFAULT_DEMO_CUSTOMERS },
    problems,
  );

  const host = value('HOST') ?? DEFAULT_HOST;
  const corsOrigins = corsOriginsOf(value('TIERWISE_CORS_ORIGINS'), problems);
  const trustedProxies = trustedProxiesOf(value('TIERWISE_TRUSTED_PROXIES'), problems);

  const logLevelRaw = value('LOG_LEVEL') ?? 'info';
  const logLevel = (LOG_LEVELS as readonly string[]).includes(logLevelRaw) ? (logLevelRaw as LogLevel) : 'info';
  if (logLevel !== logLevelRaw) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not '${logLevelRaw}'`);

  const databaseUrl = value('DATABASE_URL');
  if (databaseUrl !== undefined && !isPostgresUrl(databaseUrl)) {
    problems.push(`DATABASE_URL must be a postgres:// or postgresql:// URL, not '${redact(databaseUrl)}'`);
  }
  const migrationUrl = value('MIGRATION_DATABASE_URL');
  if (migrationUrl !== undefined && !isPostgresUrl(migrationUrl)) {
    problems.push(`MIGRATION_DATABASE_URL must be a postgres:// or postgresql:// URL, not '${redact(migrationUrl)}'`);
  }
  if (migrationUrl !== undefined && databaseUrl === undefined) {
    problems.push('MIGRATION_DATABASE_URL is set but DATABASE_URL is not: the embedded database has a single user, so set both or neither');
  }
  const dataDir = resolve(cwd, value('TIERWISE_DATA_DIR') ?? '.data');
  const redisUrl = value('REDIS_URL');
  if (redisUrl !== undefined && !isRedisUrl(redisUrl)) {
    problems.push(`REDIS_URL must be a redis:// or rediss:// URL, not '${redact(redisUrl)}'`);
  }

  const policyRaw = value('TIERWISE_SEED_POLICY');
  const seedPolicyPath = policyRaw === undefined ? findSeedPolicy() : resolve(cwd, policyRaw);
  if (seedPolicyPath === undefined) {
    problems.push('TIERWISE_SEED_POLICY is not set and rules/default was not found above the api package');
  }

  // Never echo a secret's value into a problem: its length is enough to fix it.
  const jwtSecret = env['TIERWISE_JWT_SECRET'] === undefined || env['TIERWISE_JWT_SECRET'] === '' ? undefined : env['TIERWISE_JWT_SECRET'];
  if (jwtSecret !== undefined && jwtSecret.length < MIN_JWT_SECRET_LENGTH) {
    problems.push(
      `TIERWISE_JWT_SECRET must be at least ${MIN_JWT_SECRET_LENGTH} characters (it has ${jwtSecret.length}); e.g. openssl rand -base64 48`,
    );
  }
  const firstAdmin = firstAdminOf(value('TIERWISE_ADMIN_USERNAME'), env['TIERWISE_ADMIN_PASSWORD'], problems);

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    host,
    corsOrigins,
    trustedProxies,
    logLevel,
    database: databaseUrl ? postgresConfig(databaseUrl, migrationUrl) : { kind: 'embedded', dataDir },
    seedPolicyPath: seedPolicyPath!,
    demoCustomers,
    jwtSecret,
    redisUrl,
    firstAdmin,
  };
}

// Only present when set, so a one-URL configuration reads as before.
function postgresConfig(url: string, migrationUrl: string | undefined): DatabaseConfig {
  return migrationUrl === undefined ? { kind: 'postgres', url } : { kind: 'postgres', url, migrationUrl };
}

function firstAdminOf(usernameRaw: string | undefined, passwordRaw: string | undefined, problems: string[]): FirstAdminConfig | undefined {
  // A password is taken as given (spaces included); only an empty one counts as unset.
  const password = passwordRaw === '' ? undefined : passwordRaw;
  if (usernameRaw === undefined && password === undefined) return undefined;
  if (usernameRaw === undefined || password === undefined) {
    problems.push('TIERWISE_ADMIN_USERNAME and TIERWISE_ADMIN_PASSWORD must be set together, or neither');
    return undefined;
  }
  const username = usernameRaw.toLowerCase();
  let ok = true;
  if (!USERNAME_PATTERN.test(username)) {
    problems.push(
      `TIERWISE_ADMIN_USERNAME must be 1 to 64 letters, digits, '.', '_', '-' or '@', starting with a letter or digit, not '${usernameRaw.slice(0, 70)}'`,
    );
    ok = false;
  }
  if (password.length < MIN_PASSWORD_LENGTH) {
    problems.push(`TIERWISE_ADMIN_PASSWORD must be at least ${MIN_PASSWORD_LENGTH} characters (it has ${password.length})`);
    ok = false;
  } else {
    // The same rule as for every other password: the first admin's is the one most worth guessing.
    const weak = weakPasswordReason(password, username);
    if (weak !== undefined) {
      problems.push(`TIERWISE_ADMIN_PASSWORD is refused: ${weak}`);
      ok = false;
    }
  }
  return ok ? { username, password } : undefined;
}

// Origins as a browser sends them: scheme, host and port only, no path; '*' is refused (it would let every site in).
function corsOriginsOf(raw: string | undefined, problems: string[]): string[] {
  if (raw === undefined) return [];
  const origins: string[] = [];
  for (const entry of raw.split(',').map((part) => part.trim())) {
    if (entry === '') continue;
    let origin: string | undefined;
    try {
      const url = new URL(entry);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin === entry.replace(/\/$/, '')) origin = url.origin;
    } catch {
      origin = undefined;
    }
    if (origin === undefined) {
      problems.push(
        `TIERWISE_CORS_ORIGINS must list origins such as https://console.example.com, comma-separated, not '${entry.slice(0, 100)}'`,
      );
    } else origins.push(origin);
  }
  return origins;
}

// What Fastify's trustProxy (proxy-addr) takes: an address, a CIDR range, or a named range.
const NAMED_PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function trustedProxiesOf(raw: string | undefined, problems: string[]): string[] {
  if (raw === undefined) return [];
  const proxies: string[] = [];
  for (const entry of raw.split(',').map((part) => part.trim())) {
    if (entry === '') continue;
    if (NAMED_PROXY_RANGES.has(entry) || isAddressOrRange(entry)) proxies.push(entry);
    else {
      problems.push(
        `TIERWISE_TRUSTED_PROXIES must list proxy addresses or ranges such as 10.0.0.0/8, 127.0.0.1 or loopback, comma-separated, not '${entry.slice(0, 100)}'`,
      );
    }
  }
  return proxies;
}

function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : Number.NaN;
  return bits >= 0 && bits <= (family === 4 ? 32 : 128);
}

function integer(
  raw: string | undefined,
  name: string,
  { min, max, fallback }: { min: number; max: number; fallback: number },
  problems: string[],
): number {
  if (raw === undefined) return fallback;
  const parsed = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (Number.isInteger(parsed) && parsed >= min && parsed <= max) return parsed;
  problems.push(`${name} must be a whole number from ${min} to ${max}, not '${raw}'`);
  return fallback;
}

function isRedisUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'redis:' || url.protocol === 'rediss:';
  } catch {
    return false;
  }
}

function isPostgresUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'postgres:' || url.protocol === 'postgresql:';
  } catch {
    return false;
  }
}

// A malformed URL may still carry a password; never echo it into logs.
function redact(raw: string): string {
  return raw.replace(/\/\/[^@/]*@/, '//***@');
}
