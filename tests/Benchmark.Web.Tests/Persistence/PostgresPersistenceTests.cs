using Benchmark.Web.Tests.Infrastructure;

namespace Benchmark.Web.Tests.Persistence;

/// <summary>The persistence contract on PostgreSQL (one database for the class, migrated once).</summary>
[Collection(PostgresFixture.Collection)]
public sealed class PostgresPersistenceTests(PostgresFixture postgres) : PersistenceTests
{
    protected override async Task<IReadOnlyDictionary<string, string?>> DatabaseSettingsAsync()
    {
        var database = await postgres.DatabaseForAsync(GetType());
        return new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Default"] = database.ConnectionString,
        };
    }

    [PostgresFact]
    public Task Migrate_WhenDatabaseIsNew_ThenEveryMigrationIsApplied() => AssertMigrationsAppliedAsync();

    [PostgresFact]
    public Task Enrolment_WhenSavedWithChecklistAndReviewedDeliverable_ThenRoundTrips() => AssertEnrolmentRoundTripsAsync();

    [PostgresFact]
    public Task Wave_WhenSavedWithAnchors_ThenAnchorsRoundTrip() => AssertWaveAnchorsRoundTripAsync();

    [PostgresFact]
    public Task OutboxMessage_WhenIdempotencyKeyRepeats_ThenInsertIsRefused() => AssertDuplicateIdempotencyKeyRefusedAsync();

    [PostgresFact]
    public Task OutboxMessage_WhenQueriedByDueTime_ThenInstantsCompareAndOrder() => AssertDueOutboxIsComparedAndOrderedAsync();

    [PostgresFact]
    public Task Enrolment_WhenTwoPeopleChangeIt_ThenSecondSaveThrowsConcurrency() => AssertConcurrentEnrolmentChangeRefusedAsync();

    [PostgresFact]
    public Task Deliverable_WhenTwoReviewersDecide_ThenSecondSaveThrowsConcurrency() => AssertConcurrentReviewRefusedAsync();

    [PostgresFact]
    public Task AuditEvent_WhenModifiedOrDeleted_ThenSaveIsRefused() => AssertAuditEventIsAppendOnlyAsync();
}
