using Benchmark.Core.Domain;
using Benchmark.Core.Runtime;
using Benchmark.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static Benchmark.Web.Tests.Persistence.PersistenceData;

namespace Benchmark.Web.Tests.Persistence;

/// <summary>
/// The persistence contract, run against each provider by a derived class (SQLite, PostgreSQL). Each test opens
/// contexts through <c>AddBenchmarkData</c>, as the application does; two contexts stand for two people.
/// </summary>
public abstract class PersistenceTests : IAsyncLifetime
{
    private readonly List<IServiceScope> _scopes = [];
    private ServiceProvider? _services;

    /// <summary>The configuration of the database under test.</summary>
    protected abstract Task<IReadOnlyDictionary<string, string?>> DatabaseSettingsAsync();

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(await DatabaseSettingsAsync()).Build();
        _services = new ServiceCollection().AddBenchmarkData(configuration).BuildServiceProvider();
        await using var db = NewContext();
        await db.Database.MigrateAsync();
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var scope in _scopes)
        {
            scope.Dispose();
        }

        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    protected BenchmarkDbContext NewContext()
    {
        var scope = _services!.CreateScope();
        _scopes.Add(scope);
        return scope.ServiceProvider.GetRequiredService<BenchmarkDbContext>();
    }

    protected async Task AssertMigrationsAppliedAsync()
    {
        await using var db = NewContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed: add a migration for both providers (see DependencyInjection.cs).");
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    protected async Task AssertEnrolmentRoundTripsAsync()
    {
        Guid id;
        await using (var db = NewContext())
        {
            var enrolment = await NewStartedEnrolmentAsync(db);
            Run(enrolment, new TickItem(Lead, "equipe", "Équipe réunie le 12/01"));
            Run(enrolment, new SubmitDeliverable(Lead, "note-de-cadrage", Document("note-v1.pdf")));
            Run(enrolment, new RequestChanges(Consultant, "note-de-cadrage", 1, "Préciser le périmètre"), Now.AddDays(2));
            Run(enrolment, new SubmitDeliverable(Lead, "note-de-cadrage", Document("note-v2.pdf")), Now.AddDays(3));
            db.Add(enrolment);
            await db.SaveChangesAsync();
            id = enrolment.Id;
        }

        await using (var db = NewContext())
        {
            var loaded = await db.Enrolments.SingleAsync(e => e.Id == id);

            Assert.Equal("cadrage", loaded.CurrentPhaseId);
            Assert.Equal([PhaseStatus.Open, PhaseStatus.Pending], loaded.Phases.OrderBy(p => p.PhaseId == "diagnostic").Select(p => p.Status));
            Assert.Equal(Now, loaded.Phase("cadrage")!.OpenedAt);
            Assert.Equal(ChecklistStatus.Done, loaded.Entry("equipe")!.Status);
            Assert.Equal("Équipe réunie le 12/01", loaded.Entry("equipe")!.Comment);
            var deliverable = loaded.Deliverable("note-de-cadrage")!;
            Assert.Equal(DeliverableStatus.Submitted, deliverable.Status);
            Assert.Equal(2, deliverable.CurrentVersion);
            Assert.Equal(["note-v1.pdf", "note-v2.pdf"], deliverable.Submissions.OrderBy(s => s.Version).Select(s => s.FileName));
            var review = Assert.Single(deliverable.Reviews);
            Assert.Equal((1, ReviewDecision.ChangesRequested, "Préciser le périmètre", Now.AddDays(2)), (review.Version, review.Decision, review.Comment, review.At));
        }
    }

    protected async Task AssertWaveAnchorsRoundTripAsync()
    {
        Guid waveId;
        await using (var db = NewContext())
        {
            var enrolment = await NewStartedEnrolmentAsync(db);
            var wave = await db.Waves.SingleAsync(w => w.Id == enrolment.WaveId);
            var second = new Wave(Guid.NewGuid(), wave.AgencyId, wave.DefinitionId, "Vague 2",
                new Dictionary<string, DateOnly> { ["J"] = new(2027, 3, 1), ["J*"] = new(2027, 4, 12) }, Now);
            db.Add(second);
            await db.SaveChangesAsync();
            waveId = second.Id;
        }

        await using (var db = NewContext())
        {
            var loaded = await db.Waves.SingleAsync(w => w.Id == waveId);

            Assert.Equal(new DateOnly(2027, 3, 1), loaded.AnchorDates["J"]);
            Assert.Equal(new DateOnly(2027, 4, 12), loaded.AnchorDates["J*"]);
            Assert.Equal(2, loaded.Anchors.Count);
            Assert.Equal(Now, loaded.CreatedAt);
        }
    }

    protected async Task AssertDuplicateIdempotencyKeyRefusedAsync()
    {
        var key = $"reminder:{Guid.NewGuid():N}:SC1";
        await using (var db = NewContext())
        {
            db.Add(new OutboxMessage(Guid.NewGuid(), key, "reminder", "claire@demo.benchmark.test", "Rappel", "{}", Now));
            await db.SaveChangesAsync();
        }

        await using (var db = NewContext())
        {
            db.Add(new OutboxMessage(Guid.NewGuid(), key, "reminder", "claire@demo.benchmark.test", "Rappel", "{}", Now));

            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }
    }

    protected async Task AssertDueOutboxIsComparedAndOrderedAsync()
    {
        var kind = $"test-{Guid.NewGuid():N}"[..30];
        await using (var db = NewContext())
        {
            // Offsets other than zero are stored as the same instant in UTC.
            db.Add(new OutboxMessage(Guid.NewGuid(), $"{kind}:late", kind, "a@demo.benchmark.test", "late", "{}", Now.AddHours(2)));
            db.Add(new OutboxMessage(Guid.NewGuid(), $"{kind}:second", kind, "a@demo.benchmark.test", "second", "{}", Now.ToOffset(TimeSpan.FromHours(1)).AddMinutes(-5)));
            db.Add(new OutboxMessage(Guid.NewGuid(), $"{kind}:first", kind, "a@demo.benchmark.test", "first", "{}", Now.AddMinutes(-30)));
            await db.SaveChangesAsync();
        }

        await using (var db = NewContext())
        {
            var due = await db.OutboxMessages
                .Where(m => m.Kind == kind && m.Status == OutboxStatus.Pending && m.NextAttemptAt <= Now)
                .OrderBy(m => m.NextAttemptAt)
                .ToListAsync();

            Assert.Equal(["first", "second"], due.Select(m => m.Subject));
            Assert.Equal(TimeSpan.Zero, due[1].NextAttemptAt.Offset);
            Assert.Equal(Now.AddMinutes(-5), due[1].NextAttemptAt);
        }
    }

    protected async Task AssertConcurrentEnrolmentChangeRefusedAsync()
    {
        Guid id;
        await using (var db = NewContext())
        {
            var enrolment = await NewStartedEnrolmentAsync(db);
            db.Add(enrolment);
            await db.SaveChangesAsync();
            id = enrolment.Id;
        }

        await using var first = NewContext();
        await using var second = NewContext();
        var mine = await first.Enrolments.SingleAsync(e => e.Id == id);
        var theirs = await second.Enrolments.SingleAsync(e => e.Id == id);
        Run(mine, new ForceClosePhase(Admin, "cadrage", "Visite ARS faite"));
        Run(theirs, new ForceClosePhase(Admin, "cadrage", "Décision du comité"));
        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    protected async Task AssertConcurrentReviewRefusedAsync()
    {
        Guid id;
        await using (var db = NewContext())
        {
            var enrolment = await NewStartedEnrolmentAsync(db);
            Run(enrolment, new SubmitDeliverable(Lead, "note-de-cadrage", Document("note.pdf")));
            db.Add(enrolment);
            await db.SaveChangesAsync();
            id = enrolment.Id;
        }

        await using var first = NewContext();
        await using var second = NewContext();
        var mine = await first.Enrolments.SingleAsync(e => e.Id == id);
        var theirs = await second.Enrolments.SingleAsync(e => e.Id == id);
        Run(mine, new ApproveDeliverable(Consultant, "note-de-cadrage", 1, null));
        Run(theirs, new RequestChanges(Consultant, "note-de-cadrage", 1, "Compléter"));
        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = NewContext();
        var stored = await check.Deliverables.SingleAsync(d => d.EnrolmentId == id);
        Assert.Equal(DeliverableStatus.Approved, stored.Status);
        Assert.Single(stored.Reviews);
    }

    protected async Task AssertAuditEventIsAppendOnlyAsync()
    {
        await using var db = NewContext();
        var audit = new AuditEvent(Now, "Claire Martin", null, null, "checklist.tick", "equipe", "Open", "Done");
        db.Add(audit);
        await db.SaveChangesAsync();

        db.Entry(audit).Property(a => a.Actor).CurrentValue = "Quelqu'un d'autre";
        var modified = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.Entry(audit).State = EntityState.Unchanged;
        db.Remove(audit);
        var deleted = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Contains("append-only", modified.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", deleted.Message, StringComparison.Ordinal);
        await using var check = NewContext();
        Assert.Equal("Claire Martin", (await check.AuditEvents.SingleAsync(a => a.Id == audit.Id)).Actor);
    }
}
