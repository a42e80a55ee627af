#!/usr/bin/env bash
# Installs the pgvector extension into the local PostgreSQL when it is missing.
# Debian 12 does not package pgvector for PostgreSQL 15, so it is built from Debian's own
# source package (trixie) against postgresql-server-dev-<major>. Idempotent: a second run
# with the extension present does nothing.
set -euo pipefail

PGHOST="${PGHOST:-127.0.0.1}"
PGUSER="${PGUSER:-postgres}"
export PGHOST PGUSER

has_vector() {
  psql -d postgres -tAc "select 1 from pg_available_extensions where name = 'vector'" 2>/dev/null | grep -q 1
}

if has_vector; then
  echo "pgvector: already available"
  exit 0
fi

major="$(psql -d postgres -tAc 'show server_version_num' | cut -c1-2)"
echo "pgvector: building for PostgreSQL ${major} from Debian's source package"

src_list=/etc/apt/sources.list.d/trixie-src.sources
if [ ! -f "$src_list" ]; then
  cat >"$src_list" <<SRC
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "postgresql-server-dev-${major}" dpkg-dev make gcc >/dev/null

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get source -qq pgvector >/dev/null 2>&1 || apt-get source pgvector
cd "$(find . -maxdepth 1 -type d -name 'pgvector-*' | head -1)"
make -s PG_CONFIG="/usr/lib/postgresql/${major}/bin/pg_config" OPTFLAGS=""
make -s install PG_CONFIG="/usr/lib/postgresql/${major}/bin/pg_config"

has_vector && echo "pgvector: installed" || { echo "pgvector: build finished but the extension is not visible" >&2; exit 1; }
