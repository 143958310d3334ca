import type { DatabaseConfig } from '../config/app-config.js';

/**
 * Bull's Redis key prefix: one per database, so the api and workers of one
 * deployment share a queue, and deployments (or test databases) sharing one
 * Redis never take each other's jobs.
 */
export function jobKeyPrefix(database: DatabaseConfig): string {
  if (database.kind !== 'postgres') return 'tierwise';
  const url = new URL(database.url);
  return `tierwise:${url.hostname}:${url.port || '5432'}${decodeURIComponent(url.pathname)}`;
}
