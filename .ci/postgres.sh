#!/usr/bin/env bash
# Make sure a local PostgreSQL server runs and has a `leadgen_test` database; write its URL to
# .ci/.pg_url. Installs the server with apt when it is missing and we are root.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
url="postgresql+psycopg://leadgen:leadgen@127.0.0.1:5432/leadgen_test"
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
  else
    exit 1
  fi
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | grep -q online; then
  pg_lsclusters -h | grep -q "^$version main" || pg_createcluster "$version" main >/dev/null
  pg_ctlcluster "$version" main start
fi
for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
run_sql() { if [ "$(id -u)" = 0 ]; then su postgres -c "psql -qtAX -c \"$1\""; else psql -qtAX -c "$1"; fi; }
run_sql "SELECT 1 FROM pg_roles WHERE rolname='leadgen'" | grep -q 1 || \
  run_sql "CREATE ROLE leadgen LOGIN SUPERUSER PASSWORD 'leadgen'"
run_sql "SELECT 1 FROM pg_database WHERE datname='leadgen_test'" | grep -q 1 || \
  run_sql "CREATE DATABASE leadgen_test OWNER leadgen"
echo "$url" > "$here/.pg_url"
