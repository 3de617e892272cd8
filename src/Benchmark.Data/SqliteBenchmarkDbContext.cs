using Benchmark.Data.Conventions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Benchmark.Data;

/// <summary>The embedded default: SQLite, migrations in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteBenchmarkDbContext(DbContextOptions<SqliteBenchmarkDbContext> options) : BenchmarkDbContext(options)
{
    /// <summary>Shadow concurrency token, incremented on every update (SQLite has no row version of its own).</summary>
    public const string RowVersion = "RowVersion";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite cannot compare or order DateTimeOffset: store UTC ticks, which sort like the instants they are.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    protected override void ConfigureConcurrencyToken(EntityTypeBuilder entity) =>
        entity.Property<long>(RowVersion).IsConcurrencyToken().HasDefaultValue(0L);

    protected override void OnModified(EntityEntry entry)
    {
        if (entry.Metadata.FindProperty(RowVersion) is not null)
        {
            var version = entry.Property(RowVersion);
            version.CurrentValue = (long)version.OriginalValue! + 1;
        }
    }
}
