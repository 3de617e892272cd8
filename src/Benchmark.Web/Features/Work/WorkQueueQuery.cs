using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Indicators;
using Benchmark.Core.Reminders;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Features.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Work;

/// <summary>
/// « À traiter »: what waits for the signed-in person, whatever roles they hold. For ARS staff, the deliverables whose
/// visa is the ARS's and the ARS's own checklist decisions; for a consultant, in the groups they follow, the deliverables
/// they approve, the indicator periods to validate, the minutes to record, the reports owed to the ARS, the sessions still
/// only planned within <see cref="PlanningHorizon"/>, their own checklist items (late or due within <see cref="ItemHorizonDays"/>) and the establishments late on theirs; for
/// a team member, what their roles owe (items, deliverables to submit or resubmit, periods sent back). Late first, then
/// oldest first. Everything is read through the <see cref="AccessScope"/>: a task outside it cannot appear.
/// </summary>
public sealed class WorkQueueQuery(AccessScope scope, BenchmarkDbContext db, ProgrammeCalendars programmes, TimeProvider clock)
{
    /// <summary>A session still only planned this close to its start should be scheduled (its invites sent).</summary>
    public static readonly TimeSpan PlanningHorizon = TimeSpan.FromDays(28);

    /// <summary>Items and deliverables due further ahead than this wait on the dashboard and the journey, not in the queue.</summary>
    public const int ItemHorizonDays = 42;

    public async Task<IReadOnlyList<WorkTask>> RunAsync(CancellationToken cancellationToken)
    {
        var user = scope.User;
        var now = clock.GetUtcNow();
        var today = ParisTime.Today(clock);
        var waves = await scope.Waves().AsNoTracking().ToListAsync(cancellationToken);
        var byWave = await programmes.ForAsync(waves, cancellationToken);
        var groups = await scope.Groups().AsNoTracking().Select(g => new { g.Id, g.Name, g.ConsultantId }).ToListAsync(cancellationToken);
        var groupNames = groups.ToDictionary(g => g.Id, g => g.Name);
        var followed = user.IsConsultant ? groups.Where(g => g.ConsultantId == user.Id).Select(g => g.Id).ToHashSet() : [];
        var roles = user.IsTeamMember
            ? (await db.TeamMembers.AsNoTracking().Where(m => m.UserId == user.Id).Select(m => new { m.EnrolmentId, m.RoleId }).ToListAsync(cancellationToken))
                .ToLookup(m => m.EnrolmentId, m => m.RoleId)
            : null;
        var enrolments = (await scope.Enrolments().AsNoTracking().ToListAsync(cancellationToken))
            .Where(e => e.Status != EnrolmentStatus.Withdrawn && (user.IsArsStaff || followed.Contains(e.GroupId) || roles?.Contains(e.Id) == true))
            .ToList();
        var establishmentIds = enrolments.Select(e => e.EstablishmentId).Distinct().ToList();
        var establishments = await db.Establishments.AsNoTracking().Where(x => establishmentIds.Contains(x.Id))
            .ToDictionaryAsync(x => x.Id, x => x.Name, cancellationToken);
        var names = enrolments.ToDictionary(e => e.Id, e => establishments.GetValueOrDefault(e.EstablishmentId, "?"));

        WorkPlace Place(Guid waveId, Guid? groupId) =>
            new(waveId, byWave[waveId].Wave.Name, groupId, groupId is { } g ? groupNames.GetValueOrDefault(g) : null, byWave[waveId].Definition.Title);

        var tasks = new List<WorkTask>();
        var shared = new List<WorkTask>();
        foreach (var e in enrolments)
        {
            var programme = byWave[e.WaveId];
            var definition = programme.Definition;
            var place = Place(e.WaveId, e.GroupId);
            var name = names[e.Id];
            var consultant = followed.Contains(e.GroupId);
            bool Mine(string? role) => definition.FindRole(role ?? "")?.Side switch
            {
                RoleSide.Ars => user.IsArsStaff,
                RoleSide.Consultant => consultant,
                RoleSide.Establishment => roles is not null && roles[e.Id].Contains(role, StringComparer.Ordinal),
                _ => false,
            };

            foreach (var record in e.Deliverables.Where(d => d.Status == DeliverableStatus.Submitted))
            {
                if (definition.FindDeliverable(record.DeliverableId) is { Approver: { } approver } d && Mine(approver))
                {
                    var version = record.Submissions.MaxBy(s => s.Version);
                    tasks.Add(new WorkTask(
                        WorkTaskKind.Visa, $"« {d.Title} » (version {record.CurrentVersion})", name, place, version?.SubmittedAt, null, false,
                        $"/parcours/{e.Id}/livrables/{d.Id}", new WorkAction(e.Id, d.Id, record.CurrentVersion)));
                }
            }

            var open = OpenWork.Of(programme, e);
            foreach (var item in open.Where(w => Mine(w.OwnerRole) && (w.Due is null || w.Due <= today.AddDays(ItemHorizonDays))))
            {
                var task = item.Kind == WorkKind.Checklist
                    ? new WorkTask(WorkTaskKind.ChecklistItem, item.Title, name, place, null, item.Due, item.IsLate(today), $"/parcours/{e.Id}/check-list")
                    : new WorkTask(WorkTaskKind.DeliverableToSubmit, $"Déposer « {item.Title} »", name, place, null, item.Due, item.IsLate(today), $"/parcours/{e.Id}/livrables");
                (definition.FindRole(item.OwnerRole)?.Side == RoleSide.Establishment ? tasks : shared).Add(task);
            }

            var late = open.Where(w => w.IsLate(today) && definition.FindRole(w.OwnerRole)?.Side == RoleSide.Establishment).ToList();
            if (consultant && late.Count > 0)
            {
                tasks.Add(new WorkTask(
                    WorkTaskKind.EstablishmentLate, $"{late.Count} élément{(late.Count > 1 ? "s" : "")} en retard pour l'équipe", name, place, null,
                    late.Min(w => w.Due), true, $"/parcours/{e.Id}"));
            }
        }

        tasks.AddRange(Grouped(shared));
        var entered = enrolments.Where(e => roles?.Contains(e.Id) == true).Select(e => e.Id).ToHashSet();
        await AddPeriodsAsync(tasks, enrolments, followed, entered, names, Place, cancellationToken);
        if (followed.Count > 0)
        {
            await AddSessionsAsync(
                tasks, followed, enrolments.Where(e => followed.Contains(e.GroupId)).ToDictionary(e => e.Id, e => e.GroupId), byWave, names, Place, now, cancellationToken);
        }

        return [.. tasks
            .OrderByDescending(t => t.Late)
            .ThenBy(t => t.Due ?? (t.Since is { } since ? ParisTime.Date(since) : DateOnly.MaxValue))
            .ThenBy(t => t.Subject, StringComparer.Create(Display.French, ignoreCase: true))];
    }

    /// <summary>
    /// An item the ARS or the consultant owes every establishment of a group (a decision, a document to hand out) is one row
    /// per group naming how many establishments wait for it, not one row per establishment.
    /// </summary>
    private static IEnumerable<WorkTask> Grouped(List<WorkTask> tasks) =>
        tasks.GroupBy(t => (t.Kind, t.Title, t.Place, t.Due)).Select(g => g.Count() == 1
            ? g.First()
            : g.First() with
            {
                Subject = $"{g.Count()} établissements",
                Href = $"/vagues/{g.Key.Place.WaveId}/groupes/{g.Key.Place.GroupId}",
            });

    /// <summary>Periods submitted to the consultant who validates them; periods sent back to the team that entered them.</summary>
    private async Task AddPeriodsAsync(
        List<WorkTask> tasks, List<Enrolment> enrolments, HashSet<Guid> followed, HashSet<Guid> teams, Dictionary<Guid, string> names,
        Func<Guid, Guid?, WorkPlace> place, CancellationToken cancellationToken)
    {
        var reviewed = enrolments.Where(e => followed.Contains(e.GroupId)).Select(e => e.Id).ToList();
        var entered = teams.ToList();
        if (reviewed.Count == 0 && entered.Count == 0)
        {
            return;
        }

        var reports = await db.IndicatorPeriodReports.AsNoTracking()
            .Where(r => (reviewed.Contains(r.EnrolmentId) && r.Status == IndicatorValueStatus.Submitted)
                || (entered.Contains(r.EnrolmentId) && r.Status == IndicatorValueStatus.SentBack))
            .ToListAsync(cancellationToken);
        var byId = enrolments.ToDictionary(e => e.Id);
        foreach (var report in reports)
        {
            var e = byId[report.EnrolmentId];
            var title = ReportingPeriod.TryParse(report.Period)?.Title ?? report.Period;
            var href = $"/participations/{e.Id}/indicateurs/saisie?periode={Uri.EscapeDataString(report.Period)}";
            tasks.Add(report.Status == IndicatorValueStatus.Submitted
                ? new WorkTask(WorkTaskKind.PeriodToValidate, $"Valider les indicateurs de {title}", names[e.Id], place(e.WaveId, e.GroupId),
                    report.SubmittedAt, null, false, href, new WorkAction(e.Id, report.Period, 0))
                : new WorkTask(WorkTaskKind.PeriodSentBack, $"Corriger les indicateurs de {title} (renvoyés par le consultant)", names[e.Id],
                    place(e.WaveId, e.GroupId), report.ReviewedAt, null, false, href));
        }
    }

    /// <summary>The consultant's sessions: minutes to record, reports owed to the ARS, sessions to schedule soon.</summary>
    private async Task AddSessionsAsync(
        List<WorkTask> tasks, HashSet<Guid> groups, Dictionary<Guid, Guid> enrolmentGroups, IReadOnlyDictionary<Guid, WaveProgramme> byWave, Dictionary<Guid, string> names,
        Func<Guid, Guid?, WorkPlace> place, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var groupIds = groups.Select(g => (Guid?)g).ToList();
        var enrolmentIds = enrolmentGroups.Keys.Select(e => (Guid?)e).ToList();
        var horizon = now + PlanningHorizon;
        var sessions = await scope.Sessions().AsNoTracking()
            .Where(s => groupIds.Contains(s.GroupId) || enrolmentIds.Contains(s.EnrolmentId))
            .Where(s => (s.Status == SessionStatus.Held && (s.Minutes == null || s.Minutes == ""))
                || ((s.Status == SessionStatus.Planned || s.Status == SessionStatus.Scheduled) && s.EndUtc < now)
                || (s.Status == SessionStatus.Planned && s.StartUtc < horizon)
                || ((s.Status == SessionStatus.Scheduled || s.Status == SessionStatus.Held) && s.EndUtc < now && !db.SessionReports.Any(r => r.SessionRecordId == s.Id)))
            .ToListAsync(cancellationToken);
        var ids = sessions.Select(s => s.Id).ToList();
        var reported = (await db.SessionReports.AsNoTracking().Where(r => ids.Contains(r.SessionRecordId)).Select(r => r.SessionRecordId).ToListAsync(cancellationToken))
            .ToHashSet();
        foreach (var s in sessions)
        {
            var programme = byWave[s.WaveId];
            var title = programme.SessionTitle(s.SessionId);
            var groupId = s.GroupId ?? (s.EnrolmentId is { } id ? (enrolmentGroups.TryGetValue(id, out var g) ? g : null) : null);
            var with = s.EnrolmentId is { } e ? names.GetValueOrDefault(e, "?") : place(s.WaveId, groupId).Group ?? "?";
            var where = place(s.WaveId, groupId);
            var day = ParisTime.Date(s.StartUtc);
            var over = s.EndUtc < now;
            if (s.Status == SessionStatus.Held ? string.IsNullOrEmpty(s.Minutes) : over)
            {
                tasks.Add(new WorkTask(WorkTaskKind.MinutesToRecord, $"Compte rendu de « {title} » du {day.ToString("dd/MM/yyyy", Display.French)}", with, where,
                    s.EndUtc, null, false, $"/seances/{s.Id}/compte-rendu"));
            }
            else if (!over && s.Status == SessionStatus.Planned)
            {
                tasks.Add(new WorkTask(WorkTaskKind.SessionToSchedule, $"Programmer « {title} » (prévue le {day.ToString("dd/MM/yyyy", Display.French)})", with,
                    where, null, day, false, $"/seances/{s.Id}"));
            }

            if (over && ReportDeadlines.Owes(s) && ReportDeadlines.DueDay(programme.Definition.FindSession(s.SessionId), s) is { } due
                && !reported.Contains(s.Id))
            {
                tasks.Add(new WorkTask(WorkTaskKind.ReportToSend, $"Rapport à l'ARS après « {title} »", with, where, s.EndUtc, due,
                    now >= ReportDeadlines.LateFrom(due), $"/seances/{s.Id}/rapport-ars"));
            }
        }
    }
}
