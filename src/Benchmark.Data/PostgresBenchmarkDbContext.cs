using Benchmark.Data.Conventions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Benchmark.Data;

/// <summary>Production: PostgreSQL, migrations in <c>Migrations/PostgreSql</c>.</summary>
public sealed class PostgresBenchmarkDbContext(DbContextOptions<PostgresBenchmarkDbContext> options) : BenchmarkDbContext(options)
{
    /// <summary>The PostgreSQL system column that changes with every update of a row.</summary>
    public const string RowVersion = "xmin";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // timestamptz only accepts offset zero: normalise whatever the caller passed.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<ToUtcConverter>();
    }

    // Npgsql maps a uint row version to the xmin system column (no DDL is emitted for it).
    protected override void ConfigureConcurrencyToken(EntityTypeBuilder entity) =>
        entity.Property<uint>(RowVersion).IsRowVersion();
}
