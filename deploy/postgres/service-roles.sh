#!/usr/bin/env bash
# Run once by the postgres image on an empty data volume (docker-compose.yml mounts this folder at
# /docker-entrypoint-initdb.d), as the superuser. One login role per service, with no privilege but to
# log in, owning its database and that database's public schema, so that its Flyway creates its tables;
# CONNECT is revoked from PUBLIC on every database, so no service reaches another's. The passwords come
# from the environment (.env), never from this file.
set -euo pipefail

service_database() { # database role password
  psql -v ON_ERROR_STOP=1 --no-psqlrc --quiet --username "$POSTGRES_USER" --dbname postgres \
    --set=database="$1" --set=role="$2" --set=password="$3" <<'SQL'
CREATE ROLE :"role" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'password';
CREATE DATABASE :"database" OWNER :"role";
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
\connect :"database"
ALTER SCHEMA public OWNER TO :"role";
SQL
}

service_database declarations declaration_service "${DECLARATION_SERVICE_DB_PASSWORD:?}"
service_database zones zone_service "${ZONE_SERVICE_DB_PASSWORD:?}"
service_database statistics statistics_service "${STATISTICS_SERVICE_DB_PASSWORD:?}"
psql -v ON_ERROR_STOP=1 --no-psqlrc --quiet --username "$POSTGRES_USER" --dbname postgres \
  -c 'REVOKE ALL ON DATABASE postgres FROM PUBLIC' -c 'REVOKE ALL ON DATABASE template1 FROM PUBLIC'
