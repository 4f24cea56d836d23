#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the PostgreSQL store's tests (CI and a developer's machine):
#   scripts/pg-cluster.sh start   initdb into a temp dir, listen on a unix socket there (no TCP),
#                                 create database `parallax_test` with unaccent and pg_trgm, print its URL
#   scripts/pg-cluster.sh url     print the running cluster's URL
#   scripts/pg-cluster.sh stop    stop it and delete its directory
# The cluster's directory is kept in $PARALLAX_PG_CLUSTER_STATE (default: a file in the temp dir).
# As root the server runs as the `postgres` user (initdb refuses root); otherwise as the caller.
set -euo pipefail

STATE="${PARALLAX_PG_CLUSTER_STATE:-${TMPDIR:-/tmp}/parallax-pg-cluster.$(id -u)}"
DB=parallax_test

find_bin() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  # The newest Debian server binaries, else whatever is on PATH.
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n -r); do
    if [ -x "$d/initdb" ]; then echo "$d"; return; fi
  done
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
  echo "pg-cluster: no PostgreSQL server binaries (initdb) found; install Debian's postgresql" >&2
  exit 1
}

# Runs a command as the cluster's owner.
as_owner() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

url_of() {
  local dir="$1"
  # The socket directory is the host (pg reads `host` from the query string).
  echo "postgres://postgres@localhost/$DB?host=$dir/sock"
}

start() {
  if [ -f "$STATE" ] && [ -d "$(cat "$STATE")/data" ]; then
    echo "pg-cluster: already running in $(cat "$STATE") (stop it first)" >&2
    exit 1
  fi
  local bin dir
  bin="$(find_bin)"
  dir="$(mktemp -d "${TMPDIR:-/tmp}/parallax-pg.XXXXXX")"
  mkdir -p "$dir/sock"
  chmod 755 "$dir"
  if [ "$(id -u)" = "0" ]; then chown -R postgres: "$dir"; fi
  echo "$dir" >"$STATE"
  # C.UTF-8: a UTF-8 ctype, so text search lowercases every script (lists sort COLLATE "C" anyway).
  local locale=C.UTF-8
  locale -a 2>/dev/null | grep -qi '^c\.utf-\?8$' || locale=C
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale="$locale" >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    exit 1
  }
  # A test cluster: no TCP, no durability (fsync off), small and quick.
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses='' -k $dir/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60 -c shared_buffers=64MB" \
    start >/dev/null || {
    cat "$dir/server.log" >&2
    exit 1
  }
  as_owner "$bin/psql" -h "$dir/sock" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "CREATE DATABASE $DB" >/dev/null
  as_owner "$bin/psql" -h "$dir/sock" -U postgres -d "$DB" -v ON_ERROR_STOP=1 -q \
    -c 'CREATE EXTENSION IF NOT EXISTS unaccent' -c 'CREATE EXTENSION IF NOT EXISTS pg_trgm' >/dev/null
  url_of "$dir"
}

stop() {
  [ -f "$STATE" ] || { echo "pg-cluster: not running" >&2; return 0; }
  local dir bin
  dir="$(cat "$STATE")"
  bin="$(find_bin)"
  if [ -d "$dir/data" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
  case "$dir" in
    */parallax-pg.*) rm -rf "$dir" ;;
  esac
  rm -f "$STATE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url)
    [ -f "$STATE" ] || { echo "pg-cluster: not running" >&2; exit 1; }
    url_of "$(cat "$STATE")"
    ;;
  *)
    echo "usage: scripts/pg-cluster.sh start|stop|url" >&2
    exit 2
    ;;
esac
