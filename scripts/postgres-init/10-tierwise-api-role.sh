#!/bin/sh
# docker-compose.yml mounts this into the postgres image's /docker-entrypoint-initdb.d,
# which runs it once, when the volume is first created. For a volume made before
# it existed, run it by hand (it is idempotent):
#   docker compose exec postgres sh /docker-entrypoint-initdb.d/10-tierwise-api-role.sh
#
# The api migrates as POSTGRES_USER (the owner: MIGRATION_DATABASE_URL) and serves
# as tierwise_api (DATABASE_URL), a login role in the group tierwise_app. The
# migrations grant tierwise_app what serving needs and no more (SELECT and INSERT
# only on tier_history and audit_events); the group is made here too because the
# api's first migration runs after this script.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v api_password="${TIERWISE_API_DB_PASSWORD:?set TIERWISE_API_DB_PASSWORD}" <<'SQL'
SELECT NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tierwise_app') AS make_group \gset
\if :make_group
CREATE ROLE tierwise_app NOLOGIN;
\endif
SELECT NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tierwise_api') AS make_login \gset
\if :make_login
CREATE ROLE tierwise_api LOGIN IN ROLE tierwise_app;
\endif
GRANT tierwise_app TO tierwise_api;
ALTER ROLE tierwise_api PASSWORD :'api_password';
SQL
