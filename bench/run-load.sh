#!/usr/bin/env bash
# Benchmark-page load measure (bench/README.md, « Benchmark page under load »): a throwaway PostgreSQL (unless
# BENCHMARK_TEST_PG is set), the demo plus a 60-establishment group with six validated bimonths of indicator values
# (bench/Benchmark.Bench.Import seed-load), the Release app on loopback, one signed-in session (admin@, ArsAdmin)
# whose cookie the 50 autocannon connections share; /health under the same load is the baseline.
#   bash bench/run-load.sh [seconds] [connections] [warm-up seconds]      → bench/results/<date>-load.md
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
connections=${2:-50}
# A fresh process spends its first seconds in the JIT (tier 0, then instrumented, then tier 1 code), and that CPU
# counts in the app's time: 20 s of the page first, so the figures are the steady state a long-running server has.
warmup=${3:-20}
started=""
app_pid=""
work=$(mktemp -d /tmp/benchmark-load.XXXXXX)
cleanup() {
  set +e
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null; wait "$app_pid" 2>/dev/null; fi
  if [ -n "$started" ]; then bash scripts/pg-throwaway.sh stop "$started" >/dev/null 2>&1; fi
  rm -rf "$work"
}
trap cleanup EXIT
if [ -z "${BENCHMARK_TEST_PG:-}" ]; then
  eval "$(bash scripts/pg-throwaway.sh start)"
  started="$PGTMP_DIR"
fi
[ -d bench/load/node_modules/autocannon ] || (cd bench/load && npm ci --no-audit --no-fund >/dev/null)

db="bench_load_$(date +%s)"
cs=$(sed "s/Database=[^;]*/Database=$db/" <<<"$BENCHMARK_TEST_PG")
dotnet build -c Release -v q -nologo bench/Benchmark.Bench.Import >"$work/build.log" || { grep -E "error" "$work/build.log" | sort -u >&2; exit 1; }
port=$(for p in $(seq 5800 5899); do (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; break; }; done)
base="http://127.0.0.1:$port"
app() {
  ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" Database__Provider=PostgreSql ConnectionStrings__Default="$cs" \
    App__DataDirectory="$work" App__BaseUrl="$base" Jobs__Enabled=false Demo__SeedOnStart=false Mail__DispatchIntervalSeconds=0 \
    Logging__LogLevel__Default=Warning Serilog__MinimumLevel__Default=Warning \
    exec dotnet src/Benchmark.Web/bin/Release/net10.0/Benchmark.Web.dll "$@"
}
echo "seeding $db…"
(app migrate) >"$work/seed.log" 2>&1 && (app seed demo) >>"$work/seed.log" 2>&1 || { cat "$work/seed.log" >&2; exit 1; }
group=$(dotnet run -c Release --no-build --project bench/Benchmark.Bench.Import -- seed-load "$cs" | tail -1)

app serve >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do curl -fs "$base/health" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "$base/health" >/dev/null || { cat "$work/app.log" >&2; exit 1; }

# One session: the sign-in form's anti-forgery token, then the form post; the cookie jar keeps the auth cookie.
# autocannon does not take renewed cookies: past Security:StampValidationInterval (1 min) after a sign-in every
# request would check the security stamp in the database, so the measured run signs in afresh (seconds < 60).
[ "$seconds" -lt 60 ] || { echo "seconds must stay under 60 (one sign-in per run, see above)" >&2; exit 2; }
session() {
  local jar="$work/cookies" token
  rm -f "$jar"
  token=$(curl -fs -c "$jar" -b "$jar" "$base/connexion" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "Email=admin@demo.benchmark.test" --data-urlencode "Password=Benchmark-demo-2026" "$base/connexion"
  awk -F'\t' 'NF >= 7 && $1 !~ /^# / || $1 ~ /^#HttpOnly_/ { print $6 "=" $7 }' "$jar" | paste -sd ';' -
}
cookie=$(session)
page="$base/groupes/$group/indicateurs"
html=$(curl -fs --max-redirs 0 -H "Cookie: $cookie" "$page") || { echo "the benchmark page did not answer 200 to the signed-in session" >&2; exit 1; }
rows=$(grep -c '<tr' <<<"$html" || true)
[ "$rows" -gt 0 ] || { echo "no table row on the benchmark page" >&2; exit 1; }
echo "page $page: HTTP 200, $rows table rows"

# Warm-up, then the page and the baseline under the same load. The app's own CPU time (user + system, /proc) per
# request is measured too: on a shared machine it moves far less with the other sessions' load than latency does.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$app_pid/stat"; }
ticks=$(getconf CLK_TCK)
node bench/load/load.js "$page" "$connections" "$warmup" "$cookie" >/dev/null
cookie=$(session)
before=$(cpu_ticks)
page_json=$(node bench/load/load.js "$page" "$connections" "$seconds" "$cookie")
page_ticks=$(( $(cpu_ticks) - before ))
before=$(cpu_ticks)
health_json=$(node bench/load/load.js "$base/health" "$connections" "$seconds")
health_ticks=$(( $(cpu_ticks) - before ))
commit=$(git rev-parse --short HEAD 2>/dev/null || echo "not a git checkout")
load=$(uptime)
echo "$page_json"
echo "$health_json"

out="bench/results/$(date -u +%Y-%m-%d)-load.md"
node - "$page_json" "$health_json" "$load" "$rows" "$seconds" "$connections" "$page_ticks" "$health_ticks" "$ticks" "$commit" "$warmup" >"$out" <<'JS'
const [pageJson, healthJson, load, rows, seconds, connections, pageTicks, healthTicks, ticks, commit, warmup] = process.argv.slice(2);
const p = JSON.parse(pageJson), h = JSON.parse(healthJson);
const f = (x) => x.toFixed(1);
const ms = (x) => Math.round(x);
const cpu = (t, r) => (r === 0 ? 0 : (1000 * Number(t)) / Number(ticks) / r).toFixed(2);
console.log(`# Benchmark page under load — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC

\`bash bench/run-load.sh ${seconds} ${connections} ${warmup}\`: group benchmark page (\`/groupes/{groupId}/indicateurs\`, default
indicator and latest period) of a 60-establishment group (six validated bimonths of every flux-patients indicator),
Release build on loopback, PostgreSQL throwaway cluster; autocannon 9.0.0, ${connections} connections for ${seconds} s after a
${warmup} s warm-up, all sharing one session cookie (admin@, ArsAdmin). Baseline: \`/health\` under the same load, same run.
Page size: ${rows} table rows. Commit: ${commit}. Machine load at the end: \`${load.trim()}\`.
App CPU ms/request: the application process's user + system time during the run divided by the responses.

| target | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | non-2xx | errors | app CPU ms/request |
|---|---|---|---|---|---|---|---|---|---|
| benchmark page | ${p.requests} | ${f(p.rps)} | ${ms(p.p50)} | ${ms(p.p95)} | ${ms(p.p99)} | ${ms(p.max)} | ${p.non2xx} | ${p.errors} | ${cpu(pageTicks, p.requests)} |
| /health (baseline) | ${h.requests} | ${f(h.rps)} | ${ms(h.p50)} | ${ms(h.p95)} | ${ms(h.p99)} | ${ms(h.max)} | ${h.non2xx} | ${h.errors} | ${cpu(healthTicks, h.requests)} |

Ratios page / baseline: p95 ×${f(p.p95 / h.p95)}, throughput ${(p.rps / h.rps).toFixed(2)}, app CPU per request ×${f(cpu(pageTicks, p.requests) / cpu(healthTicks, h.requests))}.`);
JS
echo "wrote $out"
