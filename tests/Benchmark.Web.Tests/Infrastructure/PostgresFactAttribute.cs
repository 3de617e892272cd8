namespace Benchmark.Web.Tests.Infrastructure;

/// <summary>
/// A fact that needs PostgreSQL (<c>BENCHMARK_TEST_PG</c>). Skipped when the variable is unset on a
/// developer machine; never skipped under <c>CI=true</c>, where the test then fails in
/// <see cref="PostgresFixture"/> with the reason, so CI proves the PostgreSQL tests ran.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!PostgresFixture.IsConfigured && !PostgresFixture.IsCi)
        {
            Skip = $"PostgreSQL test: {PostgresFixture.Variable} is not set. " +
                "Run `bash scripts/test.sh` (starts a throwaway server when PostgreSQL is installed) or set it.";
        }
    }
}
