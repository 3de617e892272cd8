#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for the test run (adapted from the team recipe; the repo carries its own copy).
#   eval "$(bash scripts/pg-throwaway.sh start)"   # exports PGTMP_DIR, PGPORT, BENCHMARK_TEST_PG
#   bash scripts/pg-throwaway.sh stop "$PGTMP_DIR"
# Env: PG_BIN (default: newest /usr/lib/postgresql/<v>/bin), PG_DB (default benchmark), PGPORT_WANTED.
# PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user (created if missing).
# Settings favour speed over durability (fsync off): this cluster lives for one test run only.
set -euo pipefail
cmd=${1:-}
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
  echo "pg-throwaway: no PostgreSQL server binaries; install with: apt-get install -y postgresql" >&2
  exit 1
fi
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres
  AS=(runuser -u postgres --)
else
  AS=()
fi

free_port() { # first port in 55432..55999 nobody listens on
  for p in $(seq 55432 55999); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  return 1
}

case "$cmd" in
start)
  # The directory must be traversable by `postgres`, hence /tmp rather than a 0700 home.
  DIR=$(mktemp -d /tmp/benchmark-pg.XXXXXX)
  chmod 755 "$DIR"; mkdir "$DIR/data"; chown -R postgres: "$DIR" 2>/dev/null || true
  PORT=${PGPORT_WANTED:-$(free_port)}
  DB=${PG_DB:-benchmark}
  "${AS[@]}" "$PG_BIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
    || { cat "$DIR/initdb.log" >&2; rm -rf "$DIR"; exit 1; }
  "${AS[@]}" "$PG_BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null || { cat "$DIR/server.log" >&2; rm -rf "$DIR"; exit 1; }
  "${AS[@]}" "$PG_BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DB"
  echo "export PGTMP_DIR='$DIR' PGPORT='$PORT'"
  echo "export BENCHMARK_TEST_PG='Host=127.0.0.1;Port=$PORT;Database=$DB;Username=postgres;Password=postgres'"
  ;;
stop)
  DIR=${2:-${PGTMP_DIR:-}}
  [ -n "$DIR" ] && [ -d "$DIR/data" ] || { echo "usage: $0 stop DIR" >&2; exit 1; }
  "${AS[@]}" "$PG_BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
  ;;
*) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
