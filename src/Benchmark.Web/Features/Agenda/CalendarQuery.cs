using Benchmark.Core.Domain;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Features.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Agenda;

/// <summary>The filters of the calendar; null means « all ».</summary>
public sealed record CalendarFilter(Guid? Wave, Guid? Group, Guid? Consultant, Guid? Establishment);

/// <summary>
/// One session as the calendar shows it: when, what, with whom, led by whom, and whether it clashes with another session
/// of the same consultant (<see cref="Conflict"/>).
/// </summary>
public sealed record CalendarEntry(
    Guid Id, DateTimeOffset StartUtc, DateTimeOffset EndUtc, string Title, string With, string Programme, Guid WaveId, Guid? GroupId,
    Guid? ConsultantId, string Consultant, IReadOnlySet<Guid> Establishments, SessionStatus Status, bool Conflict)
{
    public DateOnly Day => ParisTime.Date(StartUtc);
}

/// <summary>A choice of a calendar filter: its value and what it reads.</summary>
public sealed record CalendarOption(Guid Id, string Name);

/// <summary>The sessions of a period and the choices of each filter, all within the viewer's scope.</summary>
public sealed record CalendarView(
    IReadOnlyList<CalendarEntry> Entries, IReadOnlyList<CalendarOption> Waves, IReadOnlyList<CalendarOption> Groups,
    IReadOnlyList<CalendarOption> Consultants, IReadOnlyList<CalendarOption> Establishments);

/// <summary>
/// Reads the sessions between two days (Paris) through <see cref="AccessScope.Sessions"/> — a person sees only the
/// sessions of their groups and establishments — and marks those overlapping another live session of the same consultant.
/// Five queries whatever the number of sessions.
/// </summary>
public sealed class CalendarQuery(AccessScope scope, BenchmarkDbContext db, ProgrammeCalendars programmes)
{
    public async Task<CalendarView> RunAsync(DateOnly from, DateOnly to, CalendarFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var start = ParisTime.ToUtc(from, TimeOnly.MinValue);
        var end = ParisTime.ToUtc(to.AddDays(1), TimeOnly.MinValue);
        var waves = await scope.Waves().AsNoTracking().ToListAsync(cancellationToken);
        var byWave = await programmes.ForAsync(waves, cancellationToken);
        var groups = await scope.Groups().AsNoTracking().Select(g => new { g.Id, g.Name, g.WaveId, g.ConsultantId }).ToListAsync(cancellationToken);
        var enrolments = await (
            from e in scope.Enrolments().AsNoTracking()
            join x in db.Establishments on e.EstablishmentId equals x.Id
            where e.Status != EnrolmentStatus.Withdrawn
            select new { e.Id, e.GroupId, EstablishmentId = x.Id, x.Name }).ToListAsync(cancellationToken);
        var consultantIds = groups.Select(g => g.ConsultantId).OfType<Guid>().Distinct().ToList();
        var consultants = await db.Users.AsNoTracking().Where(u => consultantIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, cancellationToken);
        var sessions = await scope.Sessions().AsNoTracking()
            .Where(s => s.StartUtc < end && s.EndUtc > start && s.Status != SessionStatus.Cancelled)
            .OrderBy(s => s.StartUtc).ToListAsync(cancellationToken);

        var groupById = groups.ToDictionary(g => g.Id);
        var enrolmentById = enrolments.ToDictionary(e => e.Id);
        var establishmentsByGroup = enrolments.ToLookup(e => e.GroupId, e => e.EstablishmentId);
        var entries = new List<CalendarEntry>();
        foreach (var s in sessions)
        {
            var single = s.EnrolmentId is { } id ? enrolmentById.GetValueOrDefault(id) : null;
            var groupId = s.GroupId ?? single?.GroupId;
            var group = groupId is { } g ? groupById.GetValueOrDefault(g) : null;
            var consultant = group?.ConsultantId;
            IReadOnlySet<Guid> attending = single is not null ? new HashSet<Guid> { single.EstablishmentId } : establishmentsByGroup[groupId ?? Guid.Empty].ToHashSet();
            var programme = byWave[s.WaveId];
            entries.Add(new CalendarEntry(
                s.Id, s.StartUtc, s.EndUtc, programme.SessionTitle(s.SessionId), single?.Name ?? group?.Name ?? "?", programme.Definition.Title,
                s.WaveId, groupId, consultant, consultant is { } c ? consultants.GetValueOrDefault(c, "?") : "aucun consultant", attending, s.Status, false));
        }

        // Overlaps are judged on every session the viewer sees, before filtering: a clash with a hidden group still counts.
        var marked = entries.Select(e => e with
        {
            Conflict = e.ConsultantId is { } c && entries.Any(o => o.Id != e.Id && o.ConsultantId == c && o.StartUtc < e.EndUtc && e.StartUtc < o.EndUtc),
        }).ToList();
        var french = StringComparer.Create(Display.French, ignoreCase: true);
        return new CalendarView(
            [.. marked.Where(e => (filter.Wave is null || e.WaveId == filter.Wave) && (filter.Group is null || e.GroupId == filter.Group)
                && (filter.Consultant is null || e.ConsultantId == filter.Consultant)
                && (filter.Establishment is null || e.Establishments.Contains(filter.Establishment.Value)))],
            [.. waves.Select(w => new CalendarOption(w.Id, w.Name)).OrderBy(o => o.Name, french)],
            [.. groups.Where(g => filter.Wave is null || g.WaveId == filter.Wave)
                .Select(g => new CalendarOption(g.Id, $"{g.Name} — {byWave[g.WaveId].Wave.Name}")).OrderBy(o => o.Name, french)],
            [.. consultants.Select(c => new CalendarOption(c.Key, c.Value)).OrderBy(o => o.Name, french)],
            [.. enrolments.DistinctBy(e => e.EstablishmentId).Select(e => new CalendarOption(e.EstablishmentId, e.Name)).OrderBy(o => o.Name, french)]);
    }
}
