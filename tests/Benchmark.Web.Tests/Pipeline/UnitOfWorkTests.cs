using Benchmark.Data.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Tests.Pipeline;

/// <summary>Only a lost race becomes a conflict; any other failed save is a bug and stays one.</summary>
public sealed class UnitOfWorkTests
{
    [Theory]
    [InlineData(19, 2067, true)] // UNIQUE constraint
    [InlineData(19, 1555, true)] // PRIMARY KEY constraint
    [InlineData(5, 5, true)] // database is locked
    [InlineData(19, 787, false)] // FOREIGN KEY constraint: a bug
    [InlineData(19, 1299, false)] // NOT NULL constraint: a bug
    public void IsLostRace_WhenSqliteFails_ThenOnlyUniqueKeysAndBusyAreConflicts(int code, int extended, bool lost)
    {
        var failure = new DbUpdateException("save", new SqliteException("failed", code, extended));

        Assert.Equal(lost, StoreFailures.IsLostRace(failure));
    }

    [Fact]
    public void IsLostRace_WhenAConcurrencyTokenMoved_ThenItIsAConflict() =>
        Assert.True(StoreFailures.IsLostRace(new DbUpdateConcurrencyException("moved")));
}
