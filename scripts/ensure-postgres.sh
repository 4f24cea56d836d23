#!/bin/sh
# Installs Debian's postgresql (server binaries, unaccent and pg_trgm) for the PostgreSQL store's
# tests when no initdb is found (idempotent). Needs root or sudo; CI calls it from .ci/run. The
# package's own cluster is not used: scripts/pg-cluster.sh starts a throwaway one.
set -eu
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1; then
  echo "ensure-postgres: PostgreSQL server binaries already installed"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else echo "ensure-postgres: need root to apt-get install postgresql" >&2; exit 1; fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q postgresql
ls /usr/lib/postgresql/*/bin/initdb
