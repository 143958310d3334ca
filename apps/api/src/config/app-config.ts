import type { JobTimings } from '../jobs/job-timings.js';

// The application's configuration, read and validated once at boot (load-config.ts)
// and injected everywhere else under APP_CONFIG: nothing reads process.env after boot.

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

// `url` is what the api serves with; `migrationUrl` (MIGRATION_DATABASE_URL), when set, is the
// tables' owner, used only to run migrations at boot. Embedded PGlite has a single user.
export type DatabaseConfig = { kind: 'postgres'; url: string; migrationUrl?: string | undefined } | { kind: 'embedded'; dataDir: string };

export interface AppConfig {
  port: number;
  /** Interface `npm start` listens on (HOST); loopback unless set, docker-compose sets 0.0.0.0. */
  host: string;
  /**
   * Browser origins allowed to call the API from another origin
   * (TIERWISE_CORS_ORIGINS, comma-separated); empty: same origin only.
   */
  corsOrigins: readonly string[];
  /**
   * Reverse proxies whose X-Forwarded-For is believed (TIERWISE_TRUSTED_PROXIES: addresses,
   * CIDR ranges, or loopback / linklocal / uniquelocal). Empty: the socket's address is the
   * client's, which behind a proxy makes every client one address to the sign-in throttle.
   */
  trustedProxies: readonly string[];
  logLevel: LogLevel;
  database: DatabaseConfig;
  /** Folder (or file) of the policy loaded as version 1 of `default` on first start. */
  seedPolicyPath: string;
  /** Demo customers generated on first start; 0 turns the demo population off. */
  demoCustomers: number;
  /**
   * HS256 key for console sign-in tokens (TIERWISE_JWT_SECRET). When absent the
   * auth module makes a random one at boot: tokens then die with the process.
   */
  jwtSecret?: string | undefined;
  /**
   * Redis for state several api processes share (REDIS_URL): today the sign-in
   * throttle's counts. Unset: kept in this process, which suits one instance.
   */
  redisUrl?: string | undefined;
  /** How quickly lost jobs are noticed; tests shorten it (not read from the environment). */
  jobTimings?: Partial<JobTimings> | undefined;
  /** The admin created on first start (TIERWISE_ADMIN_USERNAME/_PASSWORD); absent: a one-time password is printed. */
  firstAdmin?: FirstAdminConfig | undefined;
}

export interface FirstAdminConfig {
  username: string;
  password: string;
}

/** Shortest accepted TIERWISE_JWT_SECRET: 32 characters, at least 256 bits when random. */
export const MIN_JWT_SECRET_LENGTH = 32;
/** Shortest accepted password, for the first admin and for users created later. */
export const MIN_PASSWORD_LENGTH = 12;
/** User names: a letter or digit, then letters, digits, '.', '_', '-' or '@'; 64 at most. Stored lower-case. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._@-]{0,63}$/;

export const APP_CONFIG = Symbol('APP_CONFIG');
