using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Scheduling;

namespace Benchmark.Core.Reminders;

/// <summary>
/// A thing a rule applies to, with who <c>owner</c> means for it, whose team it concerns and, for a session, the
/// consultant's changes to its participants (those removed reached by no audience, the guests reached by every rule).
/// </summary>
internal sealed record ReminderTarget(
    ReminderTargetKind Kind,
    string Id,
    DateOnly Day,
    IReadOnlyList<string> OwnerRoles,
    IReadOnlyList<ReminderEnrolment> Enrolments,
    Guid? GroupId,
    ReminderEnrolment? Concerned,
    IReadOnlyDictionary<string, string> Model,
    SessionParticipantChanges? Participants = null);

/// <summary>One planning pass: the snapshot indexed once, the time window, and the reminders planned so far.</summary>
internal sealed class ReminderRun
{
    private readonly ILookup<Guid, ReminderEnrolment> _byGroup;
    private readonly Dictionary<Guid, ReminderEnrolment> _byId;
    private readonly Dictionary<Guid, ReminderGroup> _groups;
    private readonly Dictionary<string, RoleSide> _sides;
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, HashSet<IndicatorReport>> _reported = [];
    private readonly Dictionary<string, SessionDefinition> _sessions;
    private readonly Dictionary<string, string> _checklistPhase;
    private readonly Dictionary<string, string> _deliverablePhase;
    private readonly int _reportDays;
    private readonly DateTimeOffset _now;
    private readonly DateTimeOffset _since;

    public ReminderRun(ResolvedCalendar calendar, ReminderSnapshot snapshot, DateTimeOffset now, TimeSpan lookback)
    {
        (Calendar, Snapshot, _now, _since) = (calendar, snapshot, now, now - lookback);
        var present = snapshot.Enrolments.Where(e => e.Enrolment.Status != EnrolmentStatus.Withdrawn).ToList();
        Active = present.Where(e => e.Enrolment.Status == EnrolmentStatus.Active).ToList();
        _byGroup = present.ToLookup(e => e.Enrolment.GroupId);
        _byId = present.ToDictionary(e => e.Enrolment.Id);
        _groups = snapshot.Groups.ToDictionary(g => g.Id);
        _sides = Definition.Roles.ToDictionary(r => r.Id, r => r.Side, StringComparer.Ordinal);
        _sessions = Definition.Sessions.ToDictionary(d => d.Id, StringComparer.Ordinal);
        _checklistPhase = Definition.Phases.SelectMany(p => p.Checklist.Select(c => (c.Id, Phase: p.Id))).ToDictionary(x => x.Id, x => x.Phase, StringComparer.Ordinal);
        _deliverablePhase = Definition.Phases.SelectMany(p => p.Deliverables.Select(d => (d.Id, Phase: p.Id))).ToDictionary(x => x.Id, x => x.Phase, StringComparer.Ordinal);
        _reportDays = ReportDays(Definition);
        EstablishmentRoles = Definition.Roles.Where(r => r.Side == RoleSide.Establishment).Select(r => r.Id).ToList();
    }

    public ResolvedCalendar Calendar { get; }

    /// <summary>The instant the run plans for.</summary>
    public DateTimeOffset Now => _now;

    /// <summary>The largest report delay of the definition, in days (rounded up): how far a report's day lies after its session's end.</summary>
    public static int ReportDays(WorkflowDefinition definition) => definition.Sessions.Select(d => d.Report?.Due ?? Offset.Zero)
        .Select(o => (Math.Abs(o.Months) * 31) + Math.Abs(o.Days) + (Math.Abs(o.Minutes) / (24 * 60))).DefaultIfEmpty().Max();

    public WorkflowDefinition Definition => Calendar.Definition;

    public ReminderSnapshot Snapshot { get; }

    /// <summary>Enrolments still under way: items, phases and indicators are reminded to these only.</summary>
    public IReadOnlyList<ReminderEnrolment> Active { get; }

    public IReadOnlyList<string> EstablishmentRoles { get; }

    public List<PlannedReminder> Planned { get; } = [];

    public SessionDefinition? Session(string id) => _sessions.GetValueOrDefault(id);

    public string PhaseOfChecklistItem(string id) => _checklistPhase[id];

    public string PhaseOfDeliverable(string id) => _deliverablePhase[id];

    public RoleSide? SideOf(string roleId) => _sides.TryGetValue(roleId, out var side) ? side : null;

    public ReminderGroup? Group(Guid? id) => id is { } g && _groups.TryGetValue(g, out var group) ? group : null;

    /// <summary>The enrolments of a group, withdrawn ones left out (a collective session's participants).</summary>
    public IReadOnlyList<ReminderEnrolment> InGroup(Guid? groupId) => groupId is { } g ? _byGroup[g].ToList() : [];

    public ReminderEnrolment? Find(Guid? enrolmentId) => enrolmentId is { } e && _byId.TryGetValue(e, out var found) ? found : null;

    public IReadOnlySet<IndicatorReport> Reported(ReminderEnrolment enrolment)
    {
        if (!_reported.TryGetValue(enrolment.Enrolment.Id, out var set))
        {
            set = [.. enrolment.ReportedIndicators ?? []];
            _reported[enrolment.Enrolment.Id] = set;
        }

        return set;
    }

    public static PhaseStatus Phase(ReminderEnrolment enrolment, string phaseId) => enrolment.Enrolment.Phase(phaseId);

    public ReminderWindow Window(ReminderDefinition rule) =>
        new(rule, _now, _since, rule.On == ReminderTrigger.SessionReportDue ? _reportDays : 0);

    public static ReminderTarget ForEnrolment(ReminderTargetKind kind, string itemId, DateOnly day, IReadOnlyList<string> ownerRoles,
        ReminderEnrolment enrolment, IReadOnlyDictionary<string, string> model) =>
        new(kind, $"{enrolment.Enrolment.Id}/{itemId}", day, ownerRoles, [enrolment], enrolment.Enrolment.GroupId, enrolment, model);

    /// <summary>
    /// Plans one reminder per person the rule's audience reaches for this target, once per address; with
    /// <c>when: pending</c>, an audience entry for which <paramref name="pendingFor"/> says the target is settled reaches nobody.
    /// A session's removed participants are skipped and its guests added (after the audience: a guest who is also a
    /// team member keeps the team member's reminder and key).
    /// </summary>
    public void Emit(ReminderDefinition rule, ReminderTarget target, DateTimeOffset due, Func<string, bool> pendingFor)
    {
        var occurrence = DateOnly.FromDateTime(ParisTime.ToParis(due).DateTime);
        var changes = target.Participants ?? SessionParticipantChanges.None;
        Dictionary<string, string>? common = null;
        foreach (var audience in rule.Audience)
        {
            if (rule.When == ReminderCondition.Pending && !pendingFor(audience))
            {
                continue;
            }

            foreach (var (contact, own) in Resolve(audience, target))
            {
                Add(contact, target.Concerned ?? own);
            }
        }

        foreach (var guest in changes.Guests)
        {
            Add(guest, target.Concerned);
        }

        void Add(ReminderContact contact, ReminderEnrolment? enrolment)
        {
            if (string.IsNullOrWhiteSpace(contact.Email) || changes.Excludes(contact.Email))
            {
                return;
            }

            var key = ReminderKey.Of(rule.Id, target.Kind, target.Id, occurrence, contact.Email);
            if (!_keys.Add(key))
            {
                return;
            }

            var recipient = new ReminderContact(contact.Name.Trim(), contact.Email.Trim());
            common ??= ReminderModel.ForTarget(rule, target, occurrence);
            var model = ReminderModel.ForRecipient(this, common, target, recipient, enrolment);
            Planned.Add(new PlannedReminder(key, rule.Id, rule.Template, target.Kind, target.Id, occurrence, due, recipient, enrolment?.Enrolment.Id, model));
        }
    }

    /// <summary>People an audience entry reaches, each with the enrolment whose team they belong to (if any).</summary>
    private IEnumerable<(ReminderContact Contact, ReminderEnrolment? Own)> Resolve(string audience, ReminderTarget target)
    {
        var roles = audience == Vocabulary.OwnerAudience ? target.OwnerRoles : [audience];
        foreach (var role in roles)
        {
            switch (SideOf(role))
            {
                case RoleSide.Establishment:
                    foreach (var enrolment in target.Enrolments)
                    {
                        foreach (var member in enrolment.Team.Where(m => m.RoleId == role))
                        {
                            yield return (new ReminderContact(member.Name, member.Email), enrolment);
                        }
                    }

                    break;
                case RoleSide.Consultant:
                    if (Group(target.GroupId)?.Consultant is { } consultant)
                    {
                        yield return (consultant, null);
                    }

                    break;
                case RoleSide.Ars:
                    foreach (var referent in Snapshot.ArsReferents)
                    {
                        yield return (referent, null);
                    }

                    break;
            }
        }
    }
}
