using Benchmark.Core.Domain;

namespace Benchmark.Core.Reminders;

/// <summary>
/// What the reminder planner needs to know about one wave, loaded by the sweep in a few queries: the enrolments
/// with their teams, the session rows, each group's consultant and the wave's ARS referents.
/// </summary>
/// <param name="WaveId">The wave every enrolment and session below belongs to.</param>
/// <param name="Enrolments">Every enrolment of the wave (withdrawn ones are ignored by the planner).</param>
/// <param name="Sessions">Every session row of the wave; a session without a row gets no reminder.</param>
/// <param name="Groups">The wave's groups and their consultants.</param>
/// <param name="ArsReferents">The wave's ARS referents: who an <c>ars</c>-side audience role reaches.</param>
public sealed record ReminderSnapshot(
    Guid WaveId,
    IReadOnlyList<ReminderEnrolment> Enrolments,
    IReadOnlyList<ReminderSession> Sessions,
    IReadOnlyList<ReminderGroup> Groups,
    IReadOnlyList<ReminderContact> ArsReferents);

/// <summary>
/// One enrolment: its state (checklist, deliverables, phases), its team and the indicator periods already reported.
/// </summary>
/// <param name="Enrolment">The workflow instance; its id, group and establishment ids come from here.</param>
/// <param name="Team">The establishment's project team: who an <c>establishment</c>-side role reaches.</param>
/// <param name="EstablishmentName">Shown in the messages; optional.</param>
/// <param name="ReportedIndicators">Indicator values already reported (as the sweep defines "reported").</param>
public sealed record ReminderEnrolment(
    Enrolment Enrolment,
    IReadOnlyList<ReminderTeamMember> Team,
    string? EstablishmentName = null,
    IReadOnlyCollection<IndicatorReport>? ReportedIndicators = null);

/// <summary>A team member as far as reminders are concerned: their programme role, name and address.</summary>
public sealed record ReminderTeamMember(string RoleId, string Name, string Email)
{
    public static ReminderTeamMember From(TeamMember member) => new(member.RoleId, member.FullName, member.Email);
}

/// <summary>A person reached by a reminder.</summary>
public sealed record ReminderContact(string Name, string Email);

/// <summary>A group and its consultant (none while no consultant is assigned).</summary>
public sealed record ReminderGroup(Guid Id, string Name, ReminderContact? Consultant);

/// <summary>A session row and whether the report owed after it (definition <c>report</c>) has been submitted.</summary>
public sealed record ReminderSession(Session Session, bool ReportSubmitted = false);

/// <summary>One indicator reported for one period (<see cref="IndicatorPeriods.Key"/>, e.g. <c>2027-B2</c>).</summary>
public readonly record struct IndicatorReport(string IndicatorId, string Period);
