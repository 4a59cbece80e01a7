#!/usr/bin/env bash
# Starts Debian's PostgreSQL cluster and makes the role and database the roster tests use.
set -euo pipefail
SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
cluster=$(pg_lsclusters -h | awk 'NR==1 {print $1" "$2}')
[ -n "$cluster" ] || { echo "no PostgreSQL cluster found (apt-get install postgresql)"; exit 1; }
$SUDO pg_ctlcluster $cluster start 2>/dev/null || true
if [ "$(id -u)" = 0 ]; then as_pg() { runuser -u postgres -- "$@"; }; else as_pg() { sudo -u postgres "$@"; }; fi
as_pg psql -tAc "SELECT 1 FROM pg_roles WHERE rolname='desk'" | grep -q 1 ||
  as_pg psql -c "CREATE ROLE desk LOGIN PASSWORD 'desk' SUPERUSER"
as_pg psql -tAc "SELECT 1 FROM pg_database WHERE datname='roster_test'" | grep -q 1 ||
  as_pg createdb -O desk roster_test
