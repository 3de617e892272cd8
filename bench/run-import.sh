#!/usr/bin/env bash
# Grid import measure (bench/README.md, « Grid import »): starts a throwaway PostgreSQL unless BENCHMARK_TEST_PG is
# set, imports a generated grid (default 1,000,000 rows) as CSV and as XLSX, and prints the figures.
#   bash bench/run-import.sh [rows]
set -euo pipefail
cd "$(dirname "$0")/.."
started=""
if [ -z "${BENCHMARK_TEST_PG:-}" ]; then
  eval "$(bash scripts/pg-throwaway.sh start)"
  started="$PGTMP_DIR"
fi
trap '[ -n "$started" ] && bash scripts/pg-throwaway.sh stop "$started" >/dev/null 2>&1 || true' EXIT
dotnet run -c Release --project bench/Benchmark.Bench.Import -- "${1:-1000000}"
