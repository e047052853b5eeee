#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server on 127.0.0.1 for the store's server tests (Debian's package,
# installed when missing and apt-get works) and prints its URL; prints nothing when no server can run.
# Usage: url=$(bash .ci/start-postgres.sh DIR PORT)   Stop: pg_ctl stop -D DIR/data (as postgres).
set -uo pipefail
dir=${1:?data folder}
port=${2:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ] && command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq postgresql; } >/dev/null 2>&1
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
fi
[ -n "$bin" ] || exit 0
id postgres >/dev/null 2>&1 || exit 0
mkdir -p "$dir" && chown postgres "$dir"
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
as_pg "'$bin/initdb' -D '$dir/data' -A trust -U postgres >'$dir/initdb.log' 2>&1" || exit 0
as_pg "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -o \"-h 127.0.0.1 -p $port -k '$dir'\" start >/dev/null 2>&1" || exit 0
echo "postgres://postgres@127.0.0.1:$port/postgres"
