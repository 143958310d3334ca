// Every environment variable the api reads, all of them in loadConfig at boot.
// test/config.spec.ts fails when this list and loadConfig disagree, and
// test/docker-compose.spec.ts when docker-compose.yml sets anything else.
export const ENVIRONMENT_VARIABLES = [
  'PORT',
  'HOST',
  'TIERWISE_CORS_ORIGINS',
  'TIERWISE_TRUSTED_PROXIES',
  'LOG_LEVEL',
  // PostgreSQL the api serves with (unset: embedded PGlite); with MIGRATION_DATABASE_URL, a login role
  // in tierwise_app that may only read and add to tier history and the audit log.
  'DATABASE_URL',
  // The tables' owner, used only to run migrations at boot (README, "Database roles").
  'MIGRATION_DATABASE_URL',
  'REDIS_URL',
  'TIERWISE_DATA_DIR',
  'TIERWISE_SEED_POLICY',
  'TIERWISE_DEMO_CUSTOMERS',
  'TIERWISE_JWT_SECRET',
  'TIERWISE_ADMIN_USERNAME',
  'TIERWISE_ADMIN_PASSWORD',
] as const;

export type EnvironmentVariable = (typeof ENVIRONMENT_VARIABLES)[number];
