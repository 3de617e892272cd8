using Microsoft.Data.Sqlite;

namespace Benchmark.Web.Tests.Persistence;

/// <summary>The persistence contract on SQLite, the embedded default (a file in a temporary folder).</summary>
public sealed class SqlitePersistenceTests : PersistenceTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("benchmark-sqlite-").FullName;

    protected override Task<IReadOnlyDictionary<string, string?>> DatabaseSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["App:DataDirectory"] = Path.Combine(_folder, "data"),
        });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public Task Migrate_WhenDatabaseIsNew_ThenEveryMigrationIsApplied() => AssertMigrationsAppliedAsync();

    [Fact]
    public void Migrate_WhenNoConnectionString_ThenDatabaseFileIsInDataDirectory() =>
        Assert.True(File.Exists(Path.Combine(_folder, "data", "benchmark.db")));

    [Fact]
    public Task Enrolment_WhenSavedWithChecklistAndReviewedDeliverable_ThenRoundTrips() => AssertEnrolmentRoundTripsAsync();

    [Fact]
    public Task Wave_WhenSavedWithAnchors_ThenAnchorsRoundTrip() => AssertWaveAnchorsRoundTripAsync();

    [Fact]
    public Task OutboxMessage_WhenIdempotencyKeyRepeats_ThenInsertIsRefused() => AssertDuplicateIdempotencyKeyRefusedAsync();

    [Fact]
    public Task OutboxMessage_WhenQueriedByDueTime_ThenInstantsCompareAndOrder() => AssertDueOutboxIsComparedAndOrderedAsync();

    [Fact]
    public Task Enrolment_WhenTwoPeopleChangeIt_ThenSecondSaveThrowsConcurrency() => AssertConcurrentEnrolmentChangeRefusedAsync();

    [Fact]
    public Task Deliverable_WhenTwoReviewersDecide_ThenSecondSaveThrowsConcurrency() => AssertConcurrentReviewRefusedAsync();

    [Fact]
    public Task AuditEvent_WhenModifiedOrDeleted_ThenSaveIsRefused() => AssertAuditEventIsAppendOnlyAsync();
}
