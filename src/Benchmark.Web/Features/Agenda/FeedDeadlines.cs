using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Reminders;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Agenda;

/// <summary>A deadline shown as an all-day event; <paramref name="Uid"/> is stable, so clients update it in place.</summary>
public sealed record FeedDeadline(string Uid, DateOnly Date, string Summary, string Description, string Path);

/// <summary>
/// The feed owner's deadlines, read through their <see cref="AccessScope"/>: the phase deadlines of their waves
/// (a team member's: only phases their enrolment has not closed), the deliverables still to hand in whose owner role
/// is on their side (establishment for a team member, consultant for a consultant, ARS for ARS staff), and for a
/// consultant the reports to the ARS still owed after their sessions. What is done drops out of the feed.
/// </summary>
public sealed class FeedDeadlines(BenchmarkDbContext db)
{
    public async Task<IReadOnlyList<FeedDeadline>> ForAsync(AccessScope scope, CancellationToken cancellationToken)
    {
        var user = scope.User;
        var waves = await scope.Waves().AsNoTracking().ToListAsync(cancellationToken);
        var definitionIds = waves.Select(w => w.DefinitionId).Distinct().ToList();
        var definitions = (await db.ProgrammeDefinitions.AsNoTracking().Where(d => definitionIds.Contains(d.Id)).ToListAsync(cancellationToken))
            .ToDictionary(d => d.Id, d => d.Parse());
        var calendars = new Dictionary<Guid, (WorkflowDefinition Definition, ResolvedCalendar Calendar)>();
        foreach (var wave in waves)
        {
            if (definitions.TryGetValue(wave.DefinitionId, out var definition) && ScheduleResolver.Resolve(definition, wave.AnchorDates) is { IsSuccess: true } resolved)
            {
                calendars[wave.Id] = (definition, resolved.Value);
            }
        }

        var enrolments = await scope.Enrolments().AsNoTracking().Where(e => e.Status == EnrolmentStatus.Active).ToListAsync(cancellationToken);
        var establishmentIds = enrolments.Select(e => e.EstablishmentId).Distinct().ToList();
        var names = await db.Establishments.AsNoTracking().Where(x => establishmentIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, cancellationToken);
        var side = user.IsTeamMember && !user.IsConsultant && !user.IsArsStaff ? RoleSide.Establishment
            : user.IsConsultant ? RoleSide.Consultant : RoleSide.Ars;

        var deadlines = new List<FeedDeadline>();
        foreach (var (waveId, (definition, calendar)) in calendars)
        {
            var wave = waves.First(w => w.Id == waveId);
            var mine = enrolments.Where(e => e.WaveId == waveId).ToList();
            foreach (var phase in calendar.Phases)
            {
                if (side == RoleSide.Establishment && mine.All(e => e.Phase(phase.Definition.Id)?.Status == PhaseStatus.Closed))
                {
                    continue;
                }

                deadlines.Add(new FeedDeadline($"phase.{waveId:N}.{phase.Definition.Id}@benchmark", phase.Due,
                    $"Échéance : {phase.Definition.Title} — {definition.Title}", $"Fin de phase de la vague {wave.Name}.",
                    side == RoleSide.Establishment && mine.Count == 1 ? $"parcours/{mine[0].Id}" : ""));
            }

            foreach (var enrolment in mine)
            {
                var establishment = names.GetValueOrDefault(enrolment.EstablishmentId, "?");
                foreach (var item in calendar.Deliverables.Where(d => definition.FindRole(d.Definition.Owner)?.Side == side))
                {
                    var status = enrolment.Deliverable(item.Definition.Id)?.Status ?? DeliverableStatus.Draft;
                    if (status is not (DeliverableStatus.Draft or DeliverableStatus.ChangesRequested)
                        || enrolment.Phase(definition.PhaseOf(item.Definition.Id).Id)?.Status == PhaseStatus.Closed)
                    {
                        continue;
                    }

                    deadlines.Add(new FeedDeadline($"deliverable.{enrolment.Id:N}.{item.Definition.Id}@benchmark", item.Due,
                        $"Livrable à remettre : {item.Definition.Title} — {establishment}", $"{definition.Title}, vague {wave.Name}.", $"parcours/{enrolment.Id}"));
                }
            }
        }

        if (user.IsConsultant)
        {
            deadlines.AddRange(await ReportsAsync(scope, waves, definitions, cancellationToken));
        }

        return [.. deadlines.OrderBy(d => d.Date).ThenBy(d => d.Uid, StringComparer.Ordinal)];
    }

    private async Task<IEnumerable<FeedDeadline>> ReportsAsync(
        AccessScope scope, List<Wave> waves, Dictionary<Guid, WorkflowDefinition> definitions, CancellationToken cancellationToken)
    {
        var sessions = await scope.Sessions().AsNoTracking()
            .Where(s => (s.Status == SessionStatus.Scheduled || s.Status == SessionStatus.Held) && !db.SessionReports.Any(r => r.SessionRecordId == s.Id))
            .ToListAsync(cancellationToken);
        var result = new List<FeedDeadline>();
        foreach (var session in sessions)
        {
            var wave = waves.FirstOrDefault(w => w.Id == session.WaveId);
            var definition = wave is null ? null : definitions.GetValueOrDefault(wave.DefinitionId);
            var sessionDefinition = definition?.FindSession(session.SessionId);
            if (ReportDeadlines.DueDay(sessionDefinition, session) is { } due)
            {
                result.Add(new FeedDeadline($"report.{session.Id:N}@benchmark", due,
                    $"{sessionDefinition!.Report!.Title} : {sessionDefinition.Title}", $"{definition!.Title}, vague {wave!.Name}.", $"seances/{session.Id}/rapport-ars"));
            }
        }

        return result;
    }
}
