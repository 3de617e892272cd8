using Npgsql;

namespace Benchmark.Web.Tests.Infrastructure;

[Collection(PostgresFixture.Collection)]
public sealed class PostgresFixtureTests(PostgresFixture postgres)
{
    [PostgresFact]
    public async Task PostgresFixture_WhenStarted_ThenServerAnswers()
    {
        var database = await postgres.DatabaseForAsync(GetType());

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select version()", connection);
        var version = (string?)await command.ExecuteScalarAsync();

        Assert.Equal(database.Name, connection.Database);
        Assert.StartsWith("PostgreSQL", version, StringComparison.Ordinal);
    }
}
