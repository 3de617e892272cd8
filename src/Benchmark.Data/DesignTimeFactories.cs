using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Benchmark.Data;

/// <summary>For <c>dotnet ef … --context SqliteBenchmarkDbContext</c>: needs no database.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteBenchmarkDbContext>
{
    public SqliteBenchmarkDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteBenchmarkDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>For <c>dotnet ef … --context PostgresBenchmarkDbContext</c>: needs no server to add a migration.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresBenchmarkDbContext>
{
    public PostgresBenchmarkDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresBenchmarkDbContext>().UseNpgsql("Host=localhost;Database=benchmark;Username=benchmark").Options);
}
