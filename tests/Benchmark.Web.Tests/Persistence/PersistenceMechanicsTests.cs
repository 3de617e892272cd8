using Benchmark.Core.Domain;
using Benchmark.Data.Persistence;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using static Benchmark.Web.Tests.Persistence.PersistenceData;

namespace Benchmark.Web.Tests.Persistence;

/// <summary>
/// The Data layer's set-based statements (<see cref="OutboxStore"/>, <see cref="KeyedInsert"/>), run against each
/// provider by a derived class: what they write is what the entity's own methods decide.
/// </summary>
public abstract class PersistenceMechanicsTests : PersistenceTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    protected async Task AssertClaimAndMarksFollowTheEntityAsync()
    {
        var kind = $"claim-{Guid.NewGuid():N}"[..30];
        var expected = Enumerable.Range(0, 3)
            .Select(i => new OutboxMessage(Guid.CreateVersion7(), $"{kind}:{i}", kind, "a@demo.benchmark.test", $"m{i}", "{}", Now.AddMinutes(i - 10)))
            .ToList();
        await using (var db = NewContext())
        {
            db.AddRange(expected);
            await db.SaveChangesAsync();
        }

        List<OutboxMessage> claimed;
        await using (var db = NewContext())
        {
            claimed = [.. (await new OutboxStore(db).ClaimAsync(Now, Lease, 1000, CancellationToken.None)).Where(m => m.Kind == kind)];
        }

        await using (var db = NewContext())
        {
            Assert.DoesNotContain(await new OutboxStore(db).ClaimAsync(Now, Lease, 1000, CancellationToken.None), m => m.Kind == kind);
        }

        var at = Now.AddSeconds(30);
        await using (var db = NewContext())
        {
            var store = new OutboxStore(db);
            await store.MarkSentAsync(claimed[..2], at, CancellationToken.None);
            await store.MarkFailedAsync(claimed[2], "451 réessayez plus tard", permanent: false, at, CancellationToken.None);
        }

        expected[0].MarkSent(at);
        expected[1].MarkSent(at);
        expected[2].MarkFailed("451 réessayez plus tard", permanent: false, at);
        await using (var db = NewContext())
        {
            var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.Kind == kind).ToListAsync();
            rows = [.. rows.OrderBy(m => m.IdempotencyKey, StringComparer.Ordinal)];

            Assert.Equal(expected.Select(m => m.Id), claimed.Select(m => m.Id));
            Assert.Equal(expected.Select(State), rows.Select(State));
            Assert.Equal(expected[2].NextAttemptAt, rows[2].NextAttemptAt);
            Assert.All(rows[..2], r => Assert.Equal(Now.Add(Lease), r.NextAttemptAt));
        }
    }

    protected async Task AssertKeyedInsertAddsEachKeyOnceAsync()
    {
        var kind = $"keyed-{Guid.NewGuid():N}"[..30];
        OutboxMessage Row(string key) => new(Guid.CreateVersion7(), $"{kind}:{key}", kind, "a@demo.benchmark.test", key, "{}", Now);
        await using (var db = NewContext())
        {
            db.Add(Row("a"));
            await db.SaveChangesAsync();
        }

        int inserted;
        await using (var db = NewContext())
        {
            inserted = await KeyedInsert.InsertMissingAsync(
                db, [Row("c"), Row("a"), Row("b"), Row("b")], m => m.IdempotencyKey, nameof(OutboxMessage.IdempotencyKey), CancellationToken.None);
        }

        await using (var db = NewContext())
        {
            Assert.Equal(2, inserted);
            Assert.Equal(["a", "b", "c"], await db.OutboxMessages.Where(m => m.Kind == kind).OrderBy(m => m.Subject).Select(m => m.Subject).ToListAsync());
        }
    }

    private static (OutboxStatus Status, DateTimeOffset? SentAt, int Attempts, string? LastError) State(OutboxMessage m) =>
        (m.Status, m.SentAt, m.Attempts, m.LastError);
}

/// <summary><see cref="PersistenceMechanicsTests"/> on SQLite (a file in a temporary folder).</summary>
public sealed class SqlitePersistenceMechanicsTests : PersistenceMechanicsTests
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
    public Task OutboxStore_WhenClaimedThenMarked_ThenRowsHoldTheEntityTransitions() => AssertClaimAndMarksFollowTheEntityAsync();

    [Fact]
    public Task KeyedInsert_WhenKeysRepeatOrArePresent_ThenEachKeyInsertedOnce() => AssertKeyedInsertAddsEachKeyOnceAsync();
}

/// <summary><see cref="PersistenceMechanicsTests"/> on PostgreSQL.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class PostgresPersistenceMechanicsTests(PostgresFixture postgres) : PersistenceMechanicsTests
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
    public Task OutboxStore_WhenClaimedThenMarked_ThenRowsHoldTheEntityTransitions() => AssertClaimAndMarksFollowTheEntityAsync();

    [PostgresFact]
    public Task KeyedInsert_WhenKeysRepeatOrArePresent_ThenEachKeyInsertedOnce() => AssertKeyedInsertAddsEachKeyOnceAsync();
}
