using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Reminders;
using Benchmark.Core.Runtime;
using Benchmark.Core.Scheduling;
using Benchmark.Core.Tests.Support;

namespace Benchmark.Core.Tests.Reminders;

/// <summary>
/// A wave of the <c>rappels.yaml</c> programme (J = Monday 1 March 2027): group A with three started enrolments,
/// group B with two, each with a chef de projet and a médecin référent, one consultant per group, one ARS referent,
/// the collective session SC1 per group and the individual session SI1 per enrolment, all as planned.
/// </summary>
internal sealed class ReminderScenario
{
    public static readonly Actor Chef = new("u-chef", "Claire Martin", "chef-de-projet");
    public static readonly Actor Consultant = new("u-cons", "Paul Durand", "consultant");
    public static readonly Actor Ars = new("u-ars", "Inès Roux", "ars-referent");
    public static readonly ReminderContact Referent = new("Inès Roux", "ars@ars.test");
    public static readonly ReminderContact ConsultantA = new("Paul Durand", "consultant-a@conseil.test");
    public static readonly ReminderContact ConsultantB = new("Lucie Petit", "consultant-b@conseil.test");

    private static readonly Lazy<WorkflowDefinition> Loaded = new(() =>
    {
        var result = DefinitionLoader.LoadFile(Path.Combine(TestFiles.RepositoryRoot, "tests", "Benchmark.Core.Tests", "Reminders", "rappels.yaml"), "rappels.yaml");
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        return result.Definition!;
    });

    private readonly List<(Enrolment Enrolment, IReadOnlyList<ReminderTeamMember> Team, string Name)> _enrolments = [];

    public ReminderScenario()
    {
        Calendar = ScheduleResolver.Resolve(Definition, new Dictionary<string, DateOnly>(StringComparer.Ordinal) { ["J"] = new(2027, 3, 1) }).Value;
        GroupA = new ReminderGroup(Guid.NewGuid(), "Groupe A", ConsultantA);
        GroupB = new ReminderGroup(Guid.NewGuid(), "Groupe B", ConsultantB);
        for (var n = 1; n <= 5; n++)
        {
            var group = n <= 3 ? GroupA : GroupB;
            var enrolment = new Enrolment(Guid.NewGuid(), WaveId, group.Id, Guid.NewGuid());
            Assert.True(WorkflowEngine.Execute(Definition, enrolment, EnrolmentContext.Empty, new StartEnrolment(Ars), Start).IsSuccess);
            _enrolments.Add((enrolment,
                [new("chef-de-projet", $"Chef {n}", $"chef{n}@etab{n}.test"), new("medecin-referent", $"Médecin {n}", $"medecin{n}@etab{n}.test")],
                $"Établissement {n}"));
            Sessions.Add(NewSession("SI1", group.Id, enrolment.Id));
        }

        Sessions.Add(NewSession("SC1", GroupA.Id, null));
        Sessions.Add(NewSession("SC1", GroupB.Id, null));
    }

    /// <summary>Before anything is due: when the enrolments start and sessions get scheduled.</summary>
    public static DateTimeOffset Start { get; } = new(2027, 3, 1, 7, 0, 0, TimeSpan.Zero);

    public static WorkflowDefinition Definition => Loaded.Value;

    public ResolvedCalendar Calendar { get; }

    public Guid WaveId { get; } = Guid.NewGuid();

    public ReminderGroup GroupA { get; }

    public ReminderGroup GroupB { get; }

    /// <summary>The session entities: the snapshot reads their state when it is taken.</summary>
    public List<Session> Sessions { get; } = [];

    /// <summary>The sessions whose report to the ARS counts as submitted.</summary>
    public HashSet<Guid> SubmittedReports { get; } = [];

    public List<ReminderContact> Referents { get; } = [Referent];

    /// <summary>The consultant's changes to the sessions' invite lists (guests added, people removed).</summary>
    public List<SessionParticipant> Participants { get; } = [];

    /// <summary>The enrolments as the planner sees them now (their current state).</summary>
    public IReadOnlyList<ReminderEnrolment> Enrolments => _enrolments.Select(e => new ReminderEnrolment(e.Enrolment, e.Team, e.Name)).ToList();

    /// <summary>Enrolment <paramref name="n"/> (1–3 in group A, 4–5 in group B).</summary>
    public Enrolment Enrolment(int n) => _enrolments[n - 1].Enrolment;

    public Session IndividualSession(int n) => Sessions.Single(s => s.EnrolmentId == Enrolment(n).Id);

    public Session CollectiveSession(ReminderGroup group) => Sessions.Single(s => s.Kind == SessionKind.Collective && s.GroupId == group.Id);

    public void Run(int n, EnrolmentCommand command)
    {
        var result = WorkflowEngine.Execute(Definition, Enrolment(n), EnrolmentContext.Empty, command, Start);
        Assert.True(result.IsSuccess, result.Error?.Message);
    }

    public void Withdraw(int n) => Enrolment(n).Status = EnrolmentStatus.Withdrawn;

    public ReminderSnapshot Snapshot() =>
        new(WaveId, Enrolments, [.. Sessions.Select(s => new ReminderSession(s, SubmittedReports.Contains(s.Id),
            SessionParticipantChanges.From(Participants.Where(p => p.SessionRecordId == s.Id))))], [GroupA, GroupB], Referents);

    /// <summary>The consultant adds a guest to (<paramref name="excluded"/> false) or removes someone from a session.</summary>
    public void Change(Session session, string email, string name, bool excluded) =>
        Participants.Add(new SessionParticipant(Guid.NewGuid(), session.Id, email, name, excluded, Consultant.Name, Start));

    public IReadOnlyList<PlannedReminder> Plan(DateTimeOffset now, TimeSpan? lookback = null) => ReminderPlanner.Plan(Calendar, Snapshot(), now, lookback);

    public IReadOnlyList<PlannedReminder> Plan(DateTimeOffset now, string ruleId) => Plan(now).Where(r => r.RuleId == ruleId).ToList();

    /// <summary>Reschedules a session to a Paris wall-clock start (one hour long, in visio).</summary>
    public static void Reschedule(Session session, DateOnly day, TimeOnly time)
    {
        var start = ParisTime.ToUtc(day, time);
        var slot = new SessionSlot(start, start.AddHours(1), null, "https://visio.example.test/salle", null);
        var result = session.Status == SessionStatus.Planned ? session.Schedule(slot, Start) : session.Reschedule(slot, Start);
        Assert.True(result.IsSuccess, result.Error?.Message);
    }

    public static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private Session NewSession(string id, Guid groupId, Guid? enrolmentId)
    {
        var planned = Calendar.Session(id);
        return new Session(Guid.NewGuid(), WaveId, groupId, enrolmentId, id, planned.Definition.Kind, planned.StartUtc, planned.EndUtc);
    }
}
