import type { AppConfig } from './app-config.js';
import { ConfigError } from './config.error.js';
import { loadConfig } from './load-config.js';

/** EX_CONFIG: what an entry point exits with on a bad environment. */
export const EXIT_BAD_CONFIG = 78;

/** The configuration from the environment, or every bad variable named on stderr and exit 78. */
export function configOrExit(): AppConfig {
  try {
    return loadConfig(process.env);
  } catch (error) {
    exitOnConfigError(error);
    throw error;
  }
}

/** A ConfigError ends the process with its message; anything else is the caller's. */
export function exitOnConfigError(error: unknown): void {
  if (!(error instanceof ConfigError)) return;
  process.stderr.write(`${error.message}\n`);
  process.exit(EXIT_BAD_CONFIG);
}
