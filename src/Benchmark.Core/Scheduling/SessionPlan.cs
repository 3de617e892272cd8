using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;

namespace Benchmark.Core.Scheduling;

/// <summary>
/// The planned sessions of a resolved calendar: a group's collective sessions, and an enrolment's individual and
/// internal ones. The caller chooses the ids (stable ones for the demo, fresh ones for a page).
/// </summary>
public static class SessionPlan
{
    /// <summary>The collective sessions of one group.</summary>
    public static IEnumerable<Session> ForGroup(ResolvedCalendar calendar, Guid waveId, Guid groupId, Func<string, Guid> idOf)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(idOf);
        return calendar.Sessions.Where(s => s.Definition.Kind == SessionKind.Collective)
            .Select(s => new Session(idOf(s.Definition.Id), waveId, groupId, null, s.Definition.Id, s.Definition.Kind, s.StartUtc, s.EndUtc));
    }

    /// <summary>The individual and internal sessions of one enrolment (in its group).</summary>
    public static IEnumerable<Session> ForEnrolment(ResolvedCalendar calendar, Enrolment enrolment, Func<string, Guid> idOf)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(idOf);
        return calendar.Sessions.Where(s => s.Definition.Kind != SessionKind.Collective)
            .Select(s => new Session(idOf(s.Definition.Id), enrolment.WaveId, enrolment.GroupId, enrolment.Id, s.Definition.Id, s.Definition.Kind, s.StartUtc, s.EndUtc));
    }
}
