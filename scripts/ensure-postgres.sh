#!/usr/bin/env bash
# What the PostgreSQL tests need from Debian: PostgreSQL 15's server binaries. Installed with apt
# when missing and we are root, without the cluster Debian would create and start on port 5432:
# the tests start their own on a throwaway folder and a free port (tests/support/local-postgres.ts).
set -euo pipefail
bin="${POSTGRES_BIN:-/usr/lib/postgresql/15/bin}"
if [ -x "$bin/initdb" ] && [ -x "$bin/pg_ctl" ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-postgres: PostgreSQL 15 missing; install with apt-get install postgresql-15 (or set POSTGRES_BIN)" >&2
  exit 1
fi
echo "ensure-postgres: installing Debian's postgresql-15 with apt (about a minute)…"
mkdir -p /etc/postgresql-common
grep -qs '^create_main_cluster' /etc/postgresql-common/createcluster.conf || echo "create_main_cluster = false" >> /etc/postgresql-common/createcluster.conf
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
"$bin/postgres" --version
