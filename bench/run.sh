#!/usr/bin/env bash
# Performance harness (bench/README.md): bench/run.sh [all|sweep|dispatch|kill] [bench options…]
#   Starts what the measure needs and is not given — a throwaway PostgreSQL (scripts/pg-throwaway.sh) unless
#   BENCHMARK_TEST_PG is set, maildev (scripts/maildev.sh) unless MAILDEV_SMTP_PORT/MAILDEV_WEB_PORT are set —,
#   builds Release, runs, prints the results table and writes bench/results/<date>.md (<date>-<measure>.md for one
#   measure). Options are passed to the bench: --runs N, --warmup N, --enrolments N, --sessions N, --messages N,
#   --rounds N, --kill-messages N, --wait-lease, --keep (the sweep's seeded database is kept; with BENCHMARK_TEST_PG set,
#   a later run reuses it with --sweep-db NAME instead of seeding again). Stops only what it started.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
measure=${1:-all}
[ $# -gt 0 ] && shift
case "$measure" in
all | sweep | dispatch | kill) ;;
*) echo "usage: bench/run.sh [all|sweep|dispatch|kill] [options]" >&2; exit 2 ;;
esac

started_pg='' started_maildev=''
cleanup() {
  if [ -n "$started_maildev" ]; then bash scripts/maildev.sh stop "${MAILDEV_PID:-}" "${MAILDEV_TMP:-}" || true; fi
  if [ -n "$started_pg" ]; then bash scripts/pg-throwaway.sh stop "${PGTMP_DIR:-}" || true; fi
}
trap cleanup EXIT
free_port() { # first port from $1 up that nothing listens on
  local p
  for ((p = $1; p < $1 + 500; p++)); do
    [ -z "$(ss -Htln "sport = :$p" 2>/dev/null)" ] && { echo "$p"; return; }
  done
  return 1
}

if [ -z "${BENCHMARK_TEST_PG:-}" ]; then
  pg_env=$(bash scripts/pg-throwaway.sh start)
  eval "$pg_env"
  started_pg=1
fi
if [ "$measure" != sweep ] && [ -z "${MAILDEV_SMTP_PORT:-}" ]; then
  # Ports below the ephemeral range (32768+), checked with ss: probing an ephemeral port by connecting to it
  # can connect the socket to itself and leave it in TIME-WAIT, which then makes maildev's listen fail.
  smtp=$(free_port 31025) web=$(free_port $((smtp + 1)))
  maildev_env=$(bash scripts/maildev.sh start "$smtp" "$web")
  eval "$maildev_env"
  started_maildev=1
fi
export BENCHMARK_TEST_PG
# The sweep needs no maildev: its ports are passed only when there is one.
if [ -n "${MAILDEV_SMTP_PORT:-}" ]; then export MAILDEV_SMTP_PORT MAILDEV_WEB_PORT="${MAILDEV_WEB_PORT:-}"; fi

echo "bench: building Release…" >&2
dotnet build bench/Benchmark.Bench -c Release -v q -nologo >&2

mkdir -p bench/results
day=$(date -u +%Y-%m-%d)
out=bench/results/$day$([ "$measure" = all ] || echo "-$measure").md
pg_version=$("$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)/postgres" --version 2>/dev/null || echo "PostgreSQL ?")
{
  echo "# Benchmark — bench/run.sh $measure, $(date -u '+%Y-%m-%d %H:%M') UTC"
  echo
  echo "Commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'); $(nproc) CPU ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
  echo "$(free -g | awk '/Mem:/ {print $2}') GB RAM, shared with other work; .NET $(dotnet --version), $pg_version (throwaway, fsync off)$([ "$measure" = sweep ] || echo ', maildev 3.0.0')."
  echo
} >"$out.tmp"

status=0
load_start=$(cut -d' ' -f1 /proc/loadavg)
dotnet bench/Benchmark.Bench/bin/Release/net10.0/Benchmark.Bench.dll "$measure" --repo "$ROOT" --out "$out.tmp" "$@" || status=$?
echo "Load average (1 minute) at the start of the run: $load_start; at its end: $(cut -d' ' -f1 /proc/loadavg) (2 cores shared with other work)." >>"$out.tmp"
mv "$out.tmp" "$out"
echo "bench: results in $out" >&2
exit $status
