#!/usr/bin/env bash
# Adds one EF Core migration for both providers (SQLite and PostgreSQL), under a lock so two people working in the
# same tree never generate at once.   bash scripts/add-migration.sh <PascalCaseName>
# The migration holds every model change present in the working tree: build first, and commit the generated files
# (src/Benchmark.Data/Migrations/**) together with the entities and configurations they describe.
set -euo pipefail
name="${1:?usage: scripts/add-migration.sh <PascalCaseName>}"
cd "$(dirname "$0")/.."
exec 9>"${TMPDIR:-/tmp}/benchmark-migrations.lock"
flock 9
dotnet tool restore >/dev/null
dotnet build src/Benchmark.Data -v q -nologo >/dev/null
for provider in Sqlite PostgreSql; do
  context="SqliteBenchmarkDbContext"; [ "$provider" = PostgreSql ] && context="PostgresBenchmarkDbContext"
  dotnet ef migrations add "$name" --no-build --project src/Benchmark.Data --startup-project src/Benchmark.Data \
    --context "$context" --output-dir "Migrations/$provider" --namespace "Benchmark.Data.Migrations.$provider"
done
echo "add-migration: $name added for SQLite and PostgreSQL"
