#!/bin/sh
# Run by the postgres image on the first start of its volume (docker-entrypoint-initdb.d): the
# application role the API and the worker connect as, owning nothing (README「数据库角色」).
# The tables belong to POSTGRES_USER, as whom `npm run migrate` runs.
set -e
psql -v ON_ERROR_STOP=1 -v password="$APP_DB_PASSWORD" --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
CREATE ROLE dsyb_app LOGIN PASSWORD :'password' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
SQL
