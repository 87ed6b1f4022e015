#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1 for the store tests and prints its URL.
#
#   export PLANWATCH_TEST_PG="$(bash scripts/start-test-postgres.sh)"
#
# Installs Debian's postgresql if no server binaries are found (needs root), runs the
# server as the `postgres` user when called as root (as the caller otherwise), keeps
# everything under $PLANWATCH_PG_DIR (default /tmp/planwatch-pg), and is idempotent:
# a second call reuses the running cluster. Stop it with
#   pg_ctl -D /tmp/planwatch-pg/data stop   (as the same user)
# Only the URL goes to stdout; progress goes to stderr.
set -euo pipefail

PORT="${PLANWATCH_PG_PORT:-54329}"
DIR="${PLANWATCH_PG_DIR:-/tmp/planwatch-pg}"
DB="${PLANWATCH_PG_DB:-planwatch_test}"
URL="postgres://postgres@127.0.0.1:${PORT}/${DB}"

log() { echo "start-test-postgres: $*" >&2; }

find_bin() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

BIN="$(find_bin || true)"
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        log "no PostgreSQL server found and not root: install the postgresql package"
        exit 1
    fi
    log "installing postgresql"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    BIN="$(find_bin)"
fi

# Run server commands as a non-root user: PostgreSQL refuses to run as root.
if [ "$(id -u)" -eq 0 ]; then
    RUN_USER=postgres
    if ! id "$RUN_USER" >/dev/null 2>&1; then
        useradd --system --home-dir "$DIR" --shell /bin/sh "$RUN_USER"
    fi
    as_user() { su "$RUN_USER" -s /bin/sh -c "$*"; }
else
    RUN_USER="$(id -un)"
    as_user() { sh -c "$*"; }
fi

mkdir -p "$DIR"
if [ "$(id -u)" -eq 0 ]; then chown -R "$RUN_USER" "$DIR"; fi

if "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
    log "reusing the server on port $PORT"
else
    if [ ! -f "$DIR/data/PG_VERSION" ]; then
        log "initialising a cluster in $DIR/data"
        as_user "'$BIN/initdb' -D '$DIR/data' -U postgres --auth=trust --encoding=UTF8 --no-locale" >&2
    fi
    log "starting the server on 127.0.0.1:$PORT"
    as_user "'$BIN/pg_ctl' -D '$DIR/data' -l '$DIR/server.log' -w -t 60 \
        -o \"-c listen_addresses=127.0.0.1 -p $PORT -k '$DIR' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start" >&2 \
        || { cat "$DIR/server.log" >&2; exit 1; }
fi

if ! "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
    "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DB"
fi

echo "$URL"
