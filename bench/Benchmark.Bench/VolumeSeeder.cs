using System.Globalization;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Runtime;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Benchmark.Data.Identity;

namespace Benchmark.Bench;

/// <summary>What the volume seeder wrote.</summary>
internal sealed record SeedResult(
    int Waves, int CurrentWaves, int Groups, int Enrolments, int CurrentEnrolments, int TeamMembers, int Sessions,
    IReadOnlyDictionary<SessionStatus, int> SessionsByStatus, int ChildRows, int Reports, TimeSpan Elapsed);

/// <summary>
/// A production-sized database built with the domain's own code (<see cref="WorkflowEngine"/> starts each enrolment,
/// <see cref="SessionPlan"/> plans the sessions of the real <c>workflows/*.yaml</c>, <see cref="Session.Schedule"/> and
/// <see cref="Session.MarkHeld"/> move them on) and written with <see cref="BulkCopy"/>.
/// <para>
/// Layout: <c>currentEnrolments</c> enrolments in waves of 100 (20 groups of 5), one programme after the other,
/// whose first anchor J is spread from 300 days before the sweep's clock to a month after it, so at that clock every
/// stage of every programme is running somewhere. The real programmes plan at most ~16 sessions per enrolment
/// (gestion-flux-patients: 13 individual + 14 collective per group of 5), so the sessions target is reached with past
/// waves of the largest programme (J two to three years back, every session held): the history a database carries
/// after a few years, which the sweep must not slow down on. Sessions before the clock are held, those in the next
/// eight weeks scheduled (reminders go to scheduled and held sessions only), later ones planned.
/// </para>
/// </summary>
internal sealed class VolumeSeeder(BenchmarkDbContext db, BulkCopy copy, string workflowsDirectory)
{
    private const int EnrolmentsPerWave = 100;
    private const int GroupSize = 5;
    private const int Consultants = 100;
    private const int Referents = 20;
    private const int EstablishmentCount = 1000;

    private static readonly Actor Seeder = new("bench", "Banc de mesure", "ars", IsArsAdmin: true);

    private readonly List<Wave> _waves = [];
    private readonly List<WaveReferent> _waveReferents = [];
    private readonly List<Group> _groups = [];
    private readonly List<Enrolment> _enrolments = [];
    private readonly List<TeamMember> _team = [];
    private readonly List<Session> _sessions = [];
    private readonly List<SessionReport> _reports = [];

    // A report line's key to its report is a shadow property (SessionReportId), given from here.
    private readonly Dictionary<SessionReportLine, Guid> _reportOfLine = new(ReferenceEqualityComparer.Instance);

    // WaveAnchor is owned by its wave: its key column WaveId is a shadow property, given from here.
    private readonly Dictionary<WaveAnchor, Guid> _anchorOwners = new(ReferenceEqualityComparer.Instance);

    public async Task<SeedResult> SeedAsync(DateTimeOffset clock, int currentEnrolments, int sessionsTarget, CancellationToken cancellationToken = default)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var agency = new Agency(Guid.CreateVersion7(), "ARS Banc de mesure", "Région de mesure");
        db.Agencies.Add(agency);
        var definitions = new List<(ProgrammeDefinition Stored, WorkflowDefinition Parsed)>();
        foreach (var file in Directory.GetFiles(workflowsDirectory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var registered = ProgrammeDefinition.Register(Guid.CreateVersion7(), Path.GetFileName(file), await File.ReadAllTextAsync(file, cancellationToken), clock);
            if (!registered.IsSuccess)
            {
                throw new InvalidOperationException($"{file}: {registered.Error!.Message}");
            }

            registered.Value.Lock();
            db.ProgrammeDefinitions.Add(registered.Value);
            definitions.Add((registered.Value, registered.Value.Parse()));
        }

        await db.SaveChangesAsync(cancellationToken);

        var establishments = Enumerable.Range(0, EstablishmentCount)
            .Select(i => Establishment.Create(Guid.CreateVersion7(), agency.Id, string.Create(CultureInfo.InvariantCulture, $"{31 + (i % 60):00}{i:0000000}"),
                string.Create(CultureInfo.InvariantCulture, $"Centre hospitalier n° {i}"), "Toulouse", EstablishmentType.CentreHospitalier).Value)
            .ToList();
        var consultants = Users("consultant", Consultants, clock);
        var referents = Users("referent", Referents, clock);

        var today = DateOnly.FromDateTime(ParisTime.ToParis(clock).DateTime);
        var currentWaves = (int)Math.Ceiling(currentEnrolments / (double)EnrolmentsPerWave);
        for (var w = 0; w < currentWaves; w++)
        {
            var (stored, parsed) = definitions[w % definitions.Count];
            var j = today.AddDays(-300 + (330 * w / Math.Max(1, currentWaves - 1)));
            AddWave(stored, parsed, j, Math.Min(EnrolmentsPerWave, currentEnrolments - (w * EnrolmentsPerWave)), establishments, consultants, referents, clock, w);
        }

        var current = (Waves: _waves.Count, Enrolments: _enrolments.Count);
        var (largest, largestParsed) = definitions.MaxBy(d => SessionsPerGroup(d.Parsed))!;
        for (var p = 0; _sessions.Count < sessionsTarget; p++)
        {
            var groups = Math.Min(EnrolmentsPerWave / GroupSize, (int)Math.Ceiling((sessionsTarget - _sessions.Count) / (double)SessionsPerGroup(largestParsed)));
            AddWave(largest, largestParsed, today.AddDays(-1100 + (7 * p)), groups * GroupSize, establishments, consultants, referents, clock, currentWaves + p);
        }

        await copy.CopyAsync(establishments);
        await copy.CopyAsync([.. consultants, .. referents]);
        await copy.CopyAsync(_waves);
        await copy.CopyAsync(_anchorOwners.Keys, (anchor, _) => _anchorOwners[anchor]);
        await copy.CopyAsync(_waveReferents);
        await copy.CopyAsync(_groups);
        await copy.CopyAsync(_enrolments);
        var children = await copy.CopyAsync(_enrolments.SelectMany(e => e.Phases).ToList())
            + await copy.CopyAsync(_enrolments.SelectMany(e => e.Checklist).ToList())
            + await copy.CopyAsync(_enrolments.SelectMany(e => e.Deliverables).ToList())
            + await copy.CopyAsync(_enrolments.SelectMany(e => e.Deliverables).SelectMany(d => d.Submissions).ToList())
            + await copy.CopyAsync(_enrolments.SelectMany(e => e.Deliverables).SelectMany(d => d.Reviews).ToList())
            + await copy.CopyAsync(_enrolments.SelectMany(e => e.Decisions).ToList());
        await copy.CopyAsync(_team);
        await copy.CopyAsync(_sessions);
        await copy.CopyAsync(_reports);
        await copy.CopyAsync(_reportOfLine.Keys, (line, _) => _reportOfLine[line]);
        return new SeedResult(
            _waves.Count, current.Waves, _groups.Count, _enrolments.Count, current.Enrolments, _team.Count, _sessions.Count,
            _sessions.GroupBy(s => s.Status).ToDictionary(g => g.Key, g => g.Count()), children, _reports.Count, started.Elapsed);
    }

    private static int SessionsPerGroup(WorkflowDefinition definition) =>
        definition.Sessions.Count(s => s.Kind == SessionKind.Collective) + (GroupSize * definition.Sessions.Count(s => s.Kind != SessionKind.Collective));

    private void AddWave(
        ProgrammeDefinition stored, WorkflowDefinition definition, DateOnly j, int enrolments, List<Establishment> establishments,
        List<AppUser> consultants, List<AppUser> referents, DateTimeOffset clock, int index)
    {
        // J on a Monday; every other anchor five weeks later (as the demo does).
        while (j.DayOfWeek != DayOfWeek.Monday)
        {
            j = j.AddDays(1);
        }

        var anchors = definition.Anchors.Select((a, i) => (a.Id, Date: i == 0 ? j : j.AddDays(35))).ToDictionary(a => a.Id, a => a.Date, StringComparer.Ordinal);
        var wave = new Wave(Guid.CreateVersion7(), establishments[0].AgencyId, stored.Id,
            string.Create(CultureInfo.InvariantCulture, $"Vague {index + 1} – {definition.Title}"), anchors, clock);
        _waves.Add(wave);
        foreach (var anchor in wave.Anchors)
        {
            _anchorOwners[anchor] = wave.Id;
        }

        _waveReferents.Add(new WaveReferent { WaveId = wave.Id, UserId = referents[index % referents.Count].Id });
        var calendar = ScheduleResolver.Resolve(definition, anchors);
        if (!calendar.IsSuccess)
        {
            throw new InvalidOperationException($"{definition.Id}: {calendar.Error!.Message}");
        }

        var startedAt = ParisTime.ToUtc(j, new TimeOnly(9, 0));
        var roles = definition.Roles.Where(r => r.Side == RoleSide.Establishment && !r.Optional).ToList();
        for (var g = 0; g * GroupSize < enrolments; g++)
        {
            var group = new Group(Guid.CreateVersion7(), wave.Id, string.Create(CultureInfo.InvariantCulture, $"Groupe {g + 1}"),
                consultants[(_groups.Count + g) % consultants.Count].Id);
            _groups.Add(group);
            var groupStart = _enrolments.Count;
            for (var e = g * GroupSize; e < Math.Min(enrolments, (g + 1) * GroupSize); e++)
            {
                var establishment = (index * EnrolmentsPerWave) + e;
                var enrolment = new Enrolment(Guid.CreateVersion7(), wave.Id, group.Id, establishments[establishment % establishments.Count].Id);
                var start = WorkflowEngine.Execute(definition, enrolment, EnrolmentContext.Empty, new StartEnrolment(Seeder), startedAt);
                if (!start.IsSuccess)
                {
                    throw new InvalidOperationException($"{definition.Id}: {start.Error!.Message}");
                }

                _enrolments.Add(enrolment);
                _team.AddRange(roles.Select((role, r) => new TeamMember(Guid.CreateVersion7(), enrolment.Id, role.Id,
                    string.Create(CultureInfo.InvariantCulture, $"Personne {establishment}-{r}"),
                    string.Create(CultureInfo.InvariantCulture, $"p{establishment}-{r}@etab{establishment % establishments.Count}.bench.test"))));
                Add(SessionPlan.ForEnrolment(calendar.Value, enrolment, _ => Guid.CreateVersion7()), calendar.Value, [enrolment], clock);
            }

            Add(SessionPlan.ForGroup(calendar.Value, wave.Id, group.Id, _ => Guid.CreateVersion7()), calendar.Value, _enrolments[groupStart..], clock);
        }
    }

    /// <summary>
    /// Held before the clock, scheduled in the next eight weeks, planned after. The report owed to the ARS after a held
    /// session (where the definition asks for one) is submitted three days after it, except for the last three weeks'
    /// sessions: a few reports are late, as in real life, not every one ever written.
    /// </summary>
    private void Add(IEnumerable<Session> sessions, ResolvedCalendar calendar, List<Enrolment> enrolments, DateTimeOffset clock)
    {
        foreach (var session in sessions)
        {
            if (session.StartUtc < clock.AddDays(56))
            {
                var slot = new SessionSlot(session.StartUtc, session.EndUtc, "Salle du conseil, 1 rue de la Santé, Toulouse", "https://visio.bench.test/salle", null);
                Check(session.Schedule(slot, session.StartUtc.AddDays(-21)));
                if (session.EndUtc < clock)
                {
                    Check(session.MarkHeld("Compte rendu de la séance.", session.EndUtc));
                    if (session.EndUtc < clock.AddDays(-21) && calendar.Sessions.FirstOrDefault(s => s.Definition.Id == session.SessionId) is { ReportDue: { } due })
                    {
                        AddReport(session, due, enrolments);
                    }
                }
            }

            _sessions.Add(session);
        }
    }

    private void AddReport(Session session, DateOnly due, List<Enrolment> enrolments)
    {
        var lines = enrolments.Select(e => new SessionReportLine(Guid.CreateVersion7(), e.Id, "Centre hospitalier", 4, 10, "Actions en cours", "", "", "", null, null)).ToList();
        var report = SessionReport.Submit(Guid.CreateVersion7(), session, due, lines, null, "consultant", session.EndUtc.AddDays(3));
        if (!report.IsSuccess)
        {
            throw new InvalidOperationException(report.Error!.Message);
        }

        _reports.Add(report.Value);
        foreach (var line in lines)
        {
            _reportOfLine[line] = report.Value.Id;
        }
    }

    private static void Check(Benchmark.Core.Common.Result<SessionEvent> result)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException(result.Error!.Message);
        }
    }

    private static List<AppUser> Users(string kind, int count, DateTimeOffset clock) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var email = string.Create(CultureInfo.InvariantCulture, $"{kind}{i}@bench.test");
            return new AppUser
            {
                Id = Guid.CreateVersion7(),
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                FullName = string.Create(CultureInfo.InvariantCulture, $"{kind} {i}"),
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString("N"),
                CreatedAt = clock,
            };
        }).ToList();
}
