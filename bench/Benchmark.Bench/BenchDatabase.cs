using System.Globalization;
using Benchmark.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Benchmark.Bench;

/// <summary>A fresh PostgreSQL database on the bench's server, migrated with the application's PostgreSQL migrations; dropped on dispose.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _server;

    private readonly bool _keep;

    private BenchDatabase(string server, string name, bool keep)
    {
        (_server, Name, _keep) = (server, name, keep);
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 50 }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>The settings the application reads for this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["Database:Provider"] = "PostgreSql",
        ["ConnectionStrings:Default"] = ConnectionString,
    };

    /// <summary>A new database, migrated; dropped on dispose unless <paramref name="keep"/>.</summary>
    public static async Task<BenchDatabase> CreateAsync(string server, string label, bool keep = false)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"bench_{label}_{Guid.NewGuid():N}")[..40];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return await MigratedAsync(new BenchDatabase(server, name, keep));
    }

    /// <summary>A database an earlier run kept (<c>--keep</c>), brought to the latest migration; kept on dispose.</summary>
    public static async Task<BenchDatabase> ExistingAsync(string server, string name)
    {
        // Checked first: migrating would otherwise create an empty database of that name.
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT COUNT(*) FROM pg_database WHERE datname = @name", connection) { Parameters = { new("name", name) } };
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(), CultureInfo.InvariantCulture) == 0)
            {
                throw new InvalidOperationException($"No database {name} on the bench's server (--sweep-db names one an earlier --keep run left)");
            }
        }

        return await MigratedAsync(new BenchDatabase(server, name, keep: true));
    }

    private static async Task<BenchDatabase> MigratedAsync(BenchDatabase database)
    {
        await using var services = database.Services();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BenchmarkDbContext>().Database.MigrateAsync();
        return database;
    }

    /// <summary>The data layer alone (as the <c>migrate</c> verb builds it), for seeding.</summary>
    public ServiceProvider Services()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        return new ServiceCollection().AddLogging().AddBenchmarkData(configuration).BuildServiceProvider();
    }

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        return await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_keep)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
