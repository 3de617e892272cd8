#!/usr/bin/env bash
# Runs every test of Benchmark: restore, build (warnings are errors), start the test services,
# `dotnet test` with TRX results in artifacts/test-results/, then one closing line
# "N passed, N failed, N skipped". Exits non-zero if the build failed, a test failed or no test ran.
#
# Needs only the .NET SDK. PostgreSQL tests use BENCHMARK_TEST_PG if it is set; otherwise a throwaway
# server is started when the PostgreSQL server binaries are installed (apt-get install -y postgresql).
# With CI=true, missing PostgreSQL is an error: PostgreSQL tests must run in CI, not be skipped.
# The same holds for the SMTP test server (maildev, installed with npm into .tools/maildev) and Chromium.
# Env: CONFIGURATION (default Release).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
CONFIGURATION=${CONFIGURATION:-Release}
RESULTS=artifacts/test-results
IN_CI=false
[ "${CI:-}" = true ] && IN_CI=true

summary() { echo "$1 passed, $2 failed, $3 skipped"; }
fail_before_tests() { echo "test.sh: $*"; summary 0 0 0; exit 1; }
has_pg_server() { compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; }

# Services started below register their stop command here; the trap runs them silently so the
# summary stays the last line printed.
STOP_SERVICES=()
stop_services() {
  local i
  for ((i = ${#STOP_SERVICES[@]} - 1; i >= 0; i--)); do eval "${STOP_SERVICES[i]}" >/dev/null 2>&1 || true; done
}
trap stop_services EXIT

if [ "$IN_CI" = true ] && [ -z "${BENCHMARK_TEST_PG:-}" ] && ! has_pg_server; then
  fail_before_tests "CI=true but no PostgreSQL: install it (apt-get install -y postgresql) or set BENCHMARK_TEST_PG." \
    "PostgreSQL tests must not be skipped in CI."
fi

echo "==> restore"
dotnet restore Benchmark.sln || fail_before_tests "restore failed"
echo "==> build ($CONFIGURATION, warnings are errors)"
dotnet build Benchmark.sln -c "$CONFIGURATION" --no-restore -p:TreatWarningsAsErrors=true \
  || fail_before_tests "build failed"

# ---- Test services --------------------------------------------------------------------------------
# Each service: start it, export what the tests read, register its stop command in STOP_SERVICES.

# PostgreSQL -> BENCHMARK_TEST_PG (server where the tests may create databases)
if [ -n "${BENCHMARK_TEST_PG:-}" ]; then
  echo "==> PostgreSQL: using BENCHMARK_TEST_PG from the environment"
elif has_pg_server; then
  echo "==> PostgreSQL: starting a throwaway server"
  pg_env=$(bash scripts/pg-throwaway.sh start) || fail_before_tests "could not start PostgreSQL"
  eval "$pg_env"
  STOP_SERVICES+=("bash scripts/pg-throwaway.sh stop '$PGTMP_DIR'")
  export BENCHMARK_TEST_PG
  echo "    listening on 127.0.0.1:$PGPORT"
else
  echo "==> PostgreSQL: not installed and BENCHMARK_TEST_PG unset; PostgreSQL tests will be skipped"
fi

# SMTP test server (maildev) -> BENCHMARK_TEST_MAILDEV_SMTP (host:port) and BENCHMARK_TEST_MAILDEV_API (REST URL).
# Installed into .tools/maildev with npm the first time (scripts/maildev.sh). With CI=true, missing maildev is an
# error: the tests against a real SMTP server must run in CI, not be skipped.
if [ -n "${BENCHMARK_TEST_MAILDEV_SMTP:-}" ] && [ -n "${BENCHMARK_TEST_MAILDEV_API:-}" ]; then
  echo "==> maildev: using BENCHMARK_TEST_MAILDEV_SMTP/_API from the environment"
elif command -v npm >/dev/null 2>&1 && maildev_env=$(bash scripts/maildev.sh start); then
  eval "$maildev_env"
  STOP_SERVICES+=("bash scripts/maildev.sh stop '$MAILDEV_PID' '$MAILDEV_TMP'")
  export BENCHMARK_TEST_MAILDEV_SMTP="127.0.0.1:$MAILDEV_SMTP_PORT" BENCHMARK_TEST_MAILDEV_API="http://127.0.0.1:$MAILDEV_WEB_PORT"
  echo "==> maildev: SMTP $BENCHMARK_TEST_MAILDEV_SMTP, API $BENCHMARK_TEST_MAILDEV_API (log $MAILDEV_LOG)"
elif [ "$IN_CI" = true ]; then
  fail_before_tests "CI=true but maildev could not be started (needs node and npm: apt-get install -y nodejs npm)." \
    "Tests against a real SMTP server must not be skipped in CI."
else
  echo "==> maildev: not available (needs node and npm); tests against a real SMTP server will be skipped"
fi

# Chromium (/usr/bin/chromium) for the browser tests (tests/Benchmark.E2E): Playwright launches it directly.
# With CI=true, missing Chromium is an error: browser tests must run in CI, not be skipped.
if [ -x /usr/bin/chromium ]; then
  echo "==> Chromium: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
elif [ "$IN_CI" = true ]; then
  fail_before_tests "CI=true but no Chromium at /usr/bin/chromium: install it (apt-get install -y chromium)." \
    "Browser tests must not be skipped in CI."
else
  echo "==> Chromium: not installed (apt-get install -y chromium); browser tests will be skipped"
fi
# ---- End of test services -------------------------------------------------------------------------

echo "==> test"
tests_started=$SECONDS
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
set +e
dotnet test Benchmark.sln -c "$CONFIGURATION" --no-build --logger trx --results-directory "$RESULTS" \
  --blame-hang-timeout 15m --blame-hang-dump-type none 2>&1 | tee "$RESULTS/dotnet-test.log"
test_rc=${PIPESTATUS[0]}
set -e

shopt -s nullglob
trx_files=("$RESULTS"/*.trx)
shopt -u nullglob

# Sum the <Counters .../> of every TRX file (one per test project); skipped = total - executed.
# Also count the passed results whose testName contains "Postgres".
read -r passed failed skipped pg_passed < <(
  awk '
    function attr(s, name) {
      if (match(s, " " name "=\"[^\"]*\"")) { s = substr(s, RSTART + length(name) + 3, RLENGTH - length(name) - 4); return s }
      return ""
    }
    /<Counters / {
      total += attr($0, "total"); executed += attr($0, "executed"); passed += attr($0, "passed")
      failed += attr($0, "failed") + attr($0, "error") + attr($0, "timeout") + attr($0, "aborted")
    }
    /<UnitTestResult / {
      if (index(attr($0, "testName"), "Postgres") > 0 && attr($0, "outcome") == "Passed") pg++
    }
    END { printf "%d %d %d %d\n", passed, failed, total - executed, pg }
  ' /dev/null "${trx_files[@]}"
)

# Each test project names its TRX file after the second it finished; two projects finishing together
# could write the same file. Then count from the per-project console summaries instead.
if grep -o 'Results File: .*\.trx' "$RESULTS/dotnet-test.log" | sort | uniq -d | grep -q .; then
  echo "test.sh: two test projects wrote the same TRX file; counting from the console summaries"
  read -r passed failed skipped < <(
    awk '/(Passed|Failed)! +- Failed: / {
      for (i = 1; i <= NF; i++) {
        v = $(i + 1); sub(/,$/, "", v)
        if ($i == "Failed:") f += v; else if ($i == "Passed:") p += v; else if ($i == "Skipped:") s += v
      }
    } END { printf "%d %d %d\n", p, f, s }' "$RESULTS/dotnet-test.log"
  )
fi

# Where the time goes: each test project's own duration (from dotnet test's per-project summary), then the script's.
echo "==> durations"
grep -E '^(Passed|Failed)! ' "$RESULTS/dotnet-test.log" \
  | sed -E 's/.*Duration: (.*) - ([^ ]+)\.dll.*/    \2: \1/' || echo "    (no per-project summary)"
echo "    scripts/test.sh in all: $((SECONDS / 60)) min $((SECONDS % 60)) s (tests $(((SECONDS - tests_started) / 60)) min $(((SECONDS - tests_started) % 60)) s)"

status=0
echo "PostgreSQL tests passed: $pg_passed"
if [ "${#trx_files[@]}" -eq 0 ]; then echo "test.sh: no TRX results in $RESULTS"; status=1; fi
if [ "$test_rc" -ne 0 ]; then echo "test.sh: dotnet test exited with $test_rc"; status=1; fi
if [ "$failed" -gt 0 ]; then echo "test.sh: $failed test(s) failed"; status=1; fi
if [ $((passed + failed)) -eq 0 ]; then echo "test.sh: no test ran"; status=1; fi
if [ "$IN_CI" = true ] && [ "$pg_passed" -eq 0 ]; then
  echo "test.sh: CI=true but no PostgreSQL test passed"; status=1
fi
summary "$passed" "$failed" "$skipped"
exit "$status"
