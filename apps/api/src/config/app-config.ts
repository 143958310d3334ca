// The application's configuration, read and validated once at boot (load-config.ts)
// and injected everywhere else under APP_CONFIG: nothing reads process.env after boot.

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type DatabaseConfig =
  | { kind: 'postgres'; url: string }
  | { kind: 'embedded'; dataDir: string };

export interface AppConfig {
  port: number;
  logLevel: LogLevel;
  database: DatabaseConfig;
  /** Folder (or file) of the policy loaded as version 1 of `default` on first start. */
  seedPolicyPath: string;
  /** Demo customers generated on first start; 0 turns the demo population off. */
  demoCustomers: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
