using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Reminders;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Infrastructure.Reminders;

/// <summary>
/// The sweep's two largest reads: the session rows a rule can reach (with their participant changes), and the
/// enrolments with their teams.
/// </summary>
public sealed partial class ReminderSweep
{
    /// <summary>
    /// The scheduled and held session rows a rule can reach now, and those whose report is owed, missing and late
    /// (ended within <see cref="OverdueHorizon"/>), with whether their report was submitted; one statement, two
    /// branches (<c>UNION ALL</c>) so that each uses its own index: the rules' reach on (status, start) and
    /// (status, end), a few thousand rows, each probing its report by the report's unique session key; the late
    /// ones on (status, end) over the horizon, without a report (anti-join).
    /// </summary>
    private async Task<List<ReminderSession>> SessionsAsync(IReadOnlyList<WorkflowDefinition> definitions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reach = ReminderPlanner.SessionReach(definitions, now);
        var (startFrom, startTo) = reach.Starts is { } starts ? (starts.From, starts.To) : (DateTimeOffset.MaxValue, DateTimeOffset.MinValue);
        var (endFrom, endTo) = reach.Ends is { } ends ? (ends.From, ends.To) : (DateTimeOffset.MaxValue, DateTimeOffset.MinValue);
        var owing = definitions.SelectMany(d => d.Sessions).Where(s => s.Report is not null).Select(s => s.Id).Distinct(StringComparer.Ordinal).ToList();

        // A report is late from the day after its deadline: a session ending after now (plus any negative delay) owes nothing yet.
        var earliestDelay = definitions.SelectMany(d => d.Sessions).Where(s => s.Report is not null)
            .Select(s => (s.Report!.Due.Months * 31) + s.Report.Due.Days + (s.Report.Due.Minutes / (24 * 60))).DefaultIfEmpty().Min();
        var (lateFrom, lateTo) = (now - OverdueHorizon, now + TimeSpan.FromDays(Math.Max(0, -earliestDelay) + 1));
        var sessions = db.Sessions.AsNoTracking().Where(s => s.Status == SessionStatus.Scheduled || s.Status == SessionStatus.Held);
        var inReach = sessions
            .Where(s => (s.StartUtc >= startFrom && s.StartUtc <= startTo) || (s.EndUtc >= endFrom && s.EndUtc <= endTo))
            .Select(s => new
            {
                s.Id, s.WaveId, s.GroupId, s.EnrolmentId, s.SessionId, s.Kind, s.Status, s.StartUtc, s.EndUtc, s.Location, s.VisioUrl,
                // A scalar subquery (LIMIT 1), not EXISTS: PostgreSQL would hash every report ever submitted for an EXISTS.
                Report = db.SessionReports.Where(r => r.SessionRecordId == s.Id).Select(r => (Guid?)r.Id).FirstOrDefault(),
            });
        var late = sessions
            .Where(s => s.EndUtc >= lateFrom && s.EndUtc <= lateTo && owing.Contains(s.SessionId) && !db.SessionReports.Any(r => r.SessionRecordId == s.Id))
            .Select(s => new
            {
                s.Id, s.WaveId, s.GroupId, s.EnrolmentId, s.SessionId, s.Kind, s.Status, s.StartUtc, s.EndUtc, s.Location, s.VisioUrl,
                Report = (Guid?)null,
            });
        var rows = await inReach.Concat(late).ToListAsync(cancellationToken);
        // A session both in the reach and late comes twice, the same (no report) both times: once is enough.
        var unique = rows.DistinctBy(s => s.Id).ToList();
        var participants = await ParticipantsAsync(
            unique.Where(s => s.StartUtc >= startFrom && s.StartUtc <= startTo).Select(s => s.Id).ToList(), cancellationToken);
        return unique.Select(s => new ReminderSession(
                new SessionFacts(s.Id, s.WaveId, s.GroupId, s.EnrolmentId, s.SessionId, s.Kind, s.Status, s.StartUtc, s.EndUtc, s.Location, s.VisioUrl),
                s.Report is not null,
                participants.GetValueOrDefault(s.Id)))
            .ToList();
    }

    /// <summary>
    /// The consultant's changes to the invite lists of <paramref name="sessionIds"/> (the sessions a start rule can
    /// reach; a report's reminders do not follow them): one statement on the (session, address) index, none without a session.
    /// </summary>
    private async Task<Dictionary<Guid, SessionParticipantChanges>> ParticipantsAsync(List<Guid> sessionIds, CancellationToken cancellationToken)
    {
        if (sessionIds.Count == 0)
        {
            return [];
        }

        var rows = await db.SessionParticipants.AsNoTracking().Where(p => sessionIds.Contains(p.SessionRecordId))
            .Select(p => new { p.SessionRecordId, p.Email, p.Name, p.Excluded })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(p => p.SessionRecordId)
            .ToDictionary(g => g.Key, g => SessionParticipantChanges.From(g.Select(p => (p.Email, p.Name, p.Excluded))));
    }

    /// <summary>
    /// The enrolments <paramref name="reach"/> names with their establishment's name and their team (one query, flat
    /// joined rows grouped here; withdrawn ones, which the planner ignores, left out), and for those of
    /// <paramref name="stateWaves"/> the status of each phase, checklist item and deliverable (one more).
    /// </summary>
    private async Task<List<EnrolmentRow>> EnrolmentsAsync(EnrolmentReach reach, List<Guid> stateWaves, CancellationToken cancellationToken)
    {
        if (reach.IsEmpty)
        {
            return [];
        }

        var (waves, groups, ids) = (reach.Waves, reach.Groups, reach.Enrolments);
        var rows = await (
                from e in db.Enrolments.AsNoTracking().IgnoreAutoIncludes()
                where e.Status != EnrolmentStatus.Withdrawn && (waves.Contains(e.WaveId) || groups.Contains(e.GroupId) || ids.Contains(e.Id))
                join x in db.Establishments.AsNoTracking() on e.EstablishmentId equals x.Id into establishments
                from x in establishments.DefaultIfEmpty()
                join t in db.TeamMembers.AsNoTracking() on e.Id equals t.EnrolmentId into team
                from t in team.DefaultIfEmpty()
                select new { e.Id, e.WaveId, e.GroupId, e.EstablishmentId, e.Status, Establishment = x.Name, Role = t.RoleId, t.FullName, t.Email })
            .ToListAsync(cancellationToken);
        var states = stateWaves.Count == 0 ? [] : (await db.Database.SqlQueryRaw<StateRow>(StateRow.Sql)
                .Where(r => db.Enrolments.Any(e => e.Id == r.EnrolmentId && stateWaves.Contains(e.WaveId)))
                .ToListAsync(cancellationToken));
        // One pass over each list (thousands of rows): no lookup, filter or list per enrolment.
        var items = new Dictionary<Guid, ItemStates>();
        foreach (var state in states)
        {
            if (!items.TryGetValue(state.EnrolmentId, out var of))
            {
                items[state.EnrolmentId] = of = new ItemStates();
            }

            of.Add(state);
        }

        var enrolments = new Dictionary<Guid, EnrolmentRow>();
        foreach (var row in rows)
        {
            if (!enrolments.TryGetValue(row.Id, out var enrolment))
            {
                var facts = new EnrolmentFacts(row.Id, row.GroupId, row.EstablishmentId, row.Status);
                enrolments[row.Id] = enrolment = new EnrolmentRow(row.WaveId,
                    items.TryGetValue(row.Id, out var of) ? facts with { Phases = of.Phases, Checklist = of.Checklist, Deliverables = of.Deliverables } : facts,
                    row.Establishment, []);
            }

            if (row.Role is not null && !string.IsNullOrWhiteSpace(row.Email))
            {
                enrolment.Team.Add(new ReminderTeamMember(row.Role, row.FullName ?? "", row.Email));
            }
        }

        return [.. enrolments.Values];
    }

    /// <summary>Which enrolments the planner can need: all of <see cref="Waves"/>, and those of <see cref="Groups"/> or in <see cref="Enrolments"/>.</summary>
    private sealed record EnrolmentReach(List<Guid> Waves, List<Guid> Groups, List<Guid> Enrolments)
    {
        public bool IsEmpty => Waves.Count == 0 && Groups.Count == 0 && Enrolments.Count == 0;
    }

    private sealed record EnrolmentRow(Guid WaveId, EnrolmentFacts Facts, string? EstablishmentName, List<ReminderTeamMember> Team)
    {
        public ReminderEnrolment Reminder(IReadOnlyCollection<IndicatorReport> reported) => new(Facts, Team, EstablishmentName, reported);
    }

    /// <summary>An enrolment's phase, checklist and deliverable statuses by item id; the first row of an id wins (as <see cref="EnrolmentFacts.ByFirst"/>).</summary>
    private sealed class ItemStates
    {
        public Dictionary<string, PhaseStatus> Phases { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, ChecklistStatus> Checklist { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, DeliverableStatus> Deliverables { get; } = new(StringComparer.Ordinal);

        public void Add(StateRow row)
        {
            _ = row.Kind switch
            {
                StateRow.Phase => Phases.TryAdd(row.ItemId, Enum.Parse<PhaseStatus>(row.Status)),
                StateRow.Checklist => Checklist.TryAdd(row.ItemId, Enum.Parse<ChecklistStatus>(row.Status)),
                StateRow.Deliverable => Deliverables.TryAdd(row.ItemId, Enum.Parse<DeliverableStatus>(row.Status)),
                _ => false,
            };
        }
    }
}

/// <summary>The status of one phase, checklist item or deliverable of an enrolment (the three tables in one read).</summary>
internal sealed record StateRow(Guid EnrolmentId, int Kind, string ItemId, string Status)
{
    public const int Phase = 0;
    public const int Checklist = 1;
    public const int Deliverable = 2;

    public const string Sql = """
        SELECT p."EnrolmentId", 0 AS "Kind", p."PhaseId" AS "ItemId", p."Status" FROM "PhaseProgress" AS p
        UNION ALL SELECT c."EnrolmentId", 1 AS "Kind", c."ItemId", c."Status" FROM "ChecklistEntries" AS c
        UNION ALL SELECT d."EnrolmentId", 2 AS "Kind", d."DeliverableId" AS "ItemId", d."Status" FROM "Deliverables" AS d
        """;
}
