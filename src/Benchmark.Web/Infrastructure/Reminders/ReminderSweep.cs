using Benchmark.Core.Domain;
using Benchmark.Core.Reminders;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Benchmark.Web.Features.Api;
using Benchmark.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Infrastructure.Reminders;

/// <summary>
/// Decides, from the database, which reminders are due now and queues each one in the outbox under its idempotency
/// key (rule, target, occurrence, recipient): a second sweep, a sweep on another node or after a restart queues
/// nothing more. All waves are loaded at once, one query per kind of data (no query per wave or per enrolment).
/// <para>
/// Only <see cref="SessionStatus.Scheduled"/> sessions (and <see cref="SessionStatus.Held"/> ones, for the report
/// owed after them) are reminded: a <see cref="SessionStatus.Planned"/> date comes from the definition and is not
/// yet an appointment anyone was invited to. A session's report to the ARS counts as submitted once a
/// <see cref="SessionReport"/> exists: its reminders stop, and a report past its deadline without one raises an
/// <see cref="Alert"/> (<see cref="OverdueReportAlerts"/>).
/// </para>
/// </summary>
public sealed partial class ReminderSweep(BenchmarkDbContext db, MailOutbox outbox, ILogger<ReminderSweep> logger)
{
    /// <summary>How many candidate keys are checked per query (SQL parameter limits).</summary>
    private const int KeyChunk = 500;

    /// <summary>Queues the reminders due at <paramref name="now"/>; returns how many outbox rows were inserted.</summary>
    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var (planned, overdue, groupNames) = await DecideAsync(now, cancellationToken);
        await new OverdueReportAlerts(db).RaiseAsync(overdue, groupNames, now, cancellationToken);
        if (planned.Count == 0)
        {
            return 0;
        }

        var fresh = await WithoutExistingAsync(planned, cancellationToken);
        if (fresh.Count == 0)
        {
            return 0;
        }

        foreach (var reminder in fresh)
        {
            await outbox.QueueAsync(reminder.Template, reminder.Recipient.Email, Model(reminder), reminder.IdempotencyKey);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return fresh.Count;
        }
        catch (Exception e) when (e is DbUpdateException || e.InnerException is DbUpdateException)
        {
            // Another sweep inserted some of the same keys in the meantime (PostgreSQL may report the race as a deadlock,
            // wrapped by the retrying execution strategy): insert one by one, skipping duplicates.
            db.ChangeTracker.Clear();
            return await InsertOneByOneAsync(fresh, cancellationToken);
        }
    }

    /// <summary>Every reminder due now, over all waves (nothing is written).</summary>
    public async Task<IReadOnlyList<PlannedReminder>> PlanAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        (await DecideAsync(now, cancellationToken)).Planned;

    /// <summary>The reminders due now and the reports to the ARS overdue now (alerts), over all waves.</summary>
    private async Task<(List<PlannedReminder> Planned, List<OverdueReport> Overdue, Dictionary<Guid, string> GroupNames)> DecideAsync(
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var waves = await db.Waves.AsNoTracking().ToListAsync(cancellationToken);
        if (waves.Count == 0)
        {
            return ([], [], []);
        }

        var definitionIds = waves.Select(w => w.DefinitionId).Distinct().ToList();
        var definitions = (await db.ProgrammeDefinitions.AsNoTracking().Where(d => definitionIds.Contains(d.Id)).ToListAsync(cancellationToken))
            .ToDictionary(d => d.Id, Definitions.Parse);
        var enrolments = await db.Enrolments.AsNoTracking().AsSplitQuery().ToListAsync(cancellationToken);
        var establishmentIds = enrolments.Select(e => e.EstablishmentId).Distinct().ToList();
        var establishments = await db.Establishments.AsNoTracking().Where(e => establishmentIds.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
        var team = (await db.TeamMembers.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(t => t.EnrolmentId);
        var sessions = (await db.Sessions.AsNoTracking()
            .Where(s => s.Status == SessionStatus.Scheduled || s.Status == SessionStatus.Held)
            .ToListAsync(cancellationToken)).ToLookup(s => s.WaveId);
        var submitted = (await db.SessionReports.AsNoTracking().Select(r => r.SessionRecordId).ToListAsync(cancellationToken)).ToHashSet();
        var groups = await db.Groups.AsNoTracking().ToListAsync(cancellationToken);
        var referents = await db.WaveReferents.AsNoTracking().ToListAsync(cancellationToken);
        var userIds = groups.Where(g => g.ConsultantId is not null).Select(g => g.ConsultantId!.Value).Concat(referents.Select(r => r.UserId)).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => new ReminderContact(string.IsNullOrWhiteSpace(u.FullName) ? u.Email ?? "" : u.FullName, u.Email ?? ""), cancellationToken);
        var reported = (await db.IndicatorValues.AsNoTracking().Where(v => v.Status == IndicatorValueStatus.Submitted || v.Status == IndicatorValueStatus.Validated).Select(v => new { v.EnrolmentId, v.IndicatorId, v.Period }).Distinct().ToListAsync(cancellationToken))
            .ToLookup(v => v.EnrolmentId, v => new IndicatorReport(v.IndicatorId, v.Period));

        var byWave = enrolments.ToLookup(e => e.WaveId);
        var groupsByWave = groups.ToLookup(g => g.WaveId);
        var referentsByWave = referents.ToLookup(r => r.WaveId);
        var planned = new List<PlannedReminder>();
        var overdue = new List<OverdueReport>();
        foreach (var wave in waves)
        {
            if (!definitions.TryGetValue(wave.DefinitionId, out var definition)
                || ScheduleResolver.TryResolve(definition, wave.AnchorDates, out var calendar).Count > 0 || calendar is null)
            {
                LogWaveSkipped(logger, wave.Id);
                continue;
            }

            var rows = sessions[wave.Id].Select(s => new ReminderSession(s, submitted.Contains(s.Id))).ToList();
            var snapshot = new ReminderSnapshot(
                wave.Id,
                byWave[wave.Id].Select(e => new ReminderEnrolment(
                    e,
                    team[e.Id].Where(t => !string.IsNullOrWhiteSpace(t.Email)).Select(ReminderTeamMember.From).ToList(),
                    establishments.GetValueOrDefault(e.EstablishmentId),
                    reported[e.Id].ToList())).ToList(),
                rows,
                groupsByWave[wave.Id].Select(g => new ReminderGroup(g.Id, g.Name,
                    g.ConsultantId is { } c && users.TryGetValue(c, out var consultant) && consultant.Email.Length > 0 ? consultant : null)).ToList(),
                referentsByWave[wave.Id].Where(r => users.ContainsKey(r.UserId)).Select(r => users[r.UserId]).Where(u => u.Email.Length > 0).ToList());
            planned.AddRange(ReminderPlanner.Plan(calendar, snapshot, now));
            overdue.AddRange(ReportDeadlines.Overdue(definition, rows, now));
        }

        return (planned, overdue, groups.ToDictionary(g => g.Id, g => g.Name));
    }

    private async Task<List<PlannedReminder>> WithoutExistingAsync(IReadOnlyList<PlannedReminder> planned, CancellationToken cancellationToken)
    {
        var unique = planned.DistinctBy(p => p.IdempotencyKey, StringComparer.Ordinal).ToList();
        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in unique.Select(p => p.IdempotencyKey).Chunk(KeyChunk))
        {
            existing.UnionWith(await db.OutboxMessages.AsNoTracking().Where(m => chunk.Contains(m.IdempotencyKey)).Select(m => m.IdempotencyKey).ToListAsync(cancellationToken));
        }

        return unique.Where(p => !existing.Contains(p.IdempotencyKey)).ToList();
    }

    private async Task<int> InsertOneByOneAsync(List<PlannedReminder> fresh, CancellationToken cancellationToken)
    {
        var inserted = 0;
        foreach (var reminder in fresh)
        {
            if (await db.OutboxMessages.AnyAsync(m => m.IdempotencyKey == reminder.IdempotencyKey, cancellationToken))
            {
                continue;
            }

            var message = await outbox.QueueAsync(reminder.Template, reminder.Recipient.Email, Model(reminder), reminder.IdempotencyKey);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                inserted++;
            }
            catch (DbUpdateException)
            {
                db.Entry(message).State = EntityState.Detached;
                if (!await db.OutboxMessages.AnyAsync(m => m.IdempotencyKey == reminder.IdempotencyKey, cancellationToken))
                {
                    // Not a duplicate: a real failure, which must not be swallowed.
                    throw;
                }

                // Inserted by the other sweep between the check and the insert: it goes out once, from there.
            }
        }

        return inserted;
    }

    private static Dictionary<string, string> Model(PlannedReminder reminder) => new(reminder.Model, StringComparer.Ordinal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rappels : vague {WaveId} ignorée (définition ou calendrier introuvable)")]
    private static partial void LogWaveSkipped(ILogger logger, Guid waveId);
}
