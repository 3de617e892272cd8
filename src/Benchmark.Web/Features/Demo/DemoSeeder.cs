using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Runtime;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Benchmark.Web.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Demo;

/// <summary>What the demo holds after seeding, and how many rows this run added.</summary>
public sealed record DemoSeedResult(
    int Agencies, int Establishments, int Definitions, int Waves, int Groups, int Enrolments, int TeamMembers, int Sessions, int Added,
    IReadOnlyList<string> Warnings);

/// <summary>
/// Fills a database with a fictitious ARS, establishments, one wave per programme of <c>workflows/</c>, groups,
/// started enrolments, trinômes and the planned sessions. Idempotent: rows have stable ids and only missing ones
/// are added, so a second run changes nothing (even on another day: existing waves keep their dates). Enrolments start
/// through the pipeline's engine step (audited, no email) and everything is saved by the <see cref="UnitOfWork"/>: when
/// another node seeds at the same time, the one that loses says so in the warnings and adds nothing.
/// </summary>
public sealed class DemoSeeder(BenchmarkDbContext db, EnrolmentExecutor executor, UnitOfWork unitOfWork, TimeProvider clock)
{
    /// <summary>The demo agency, for the demo accounts of its staff.</summary>
    public static Guid DemoAgencyId => DemoCatalogue.AgencyId;

    /// <summary>FINESS numbers of the demo establishments, in catalogue order.</summary>
    public static IReadOnlyList<string> DemoFiness => DemoCatalogue.Establishments.Select(e => e.Finess).ToList();

    /// <summary>Who the audit trail says started the demo enrolments.</summary>
    public const string ActorName = "Données de démonstration";

    private static readonly Actor Seeder = new("seed", ActorName, "ars", IsArsAdmin: true);

    private readonly List<string> _warnings = [];
    private int _added;

    public async Task<DemoSeedResult> SeedAsync(IEnumerable<string> workflowFiles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workflowFiles);
        var now = clock.GetUtcNow();
        await AddMissingAsync(db.Agencies, [new Agency(DemoCatalogue.AgencyId, "ARS Démo (fictive)", "Région de démonstration")], a => a.Id, cancellationToken);
        var establishments = new List<Establishment>();
        foreach (var (finess, name, city, type) in DemoCatalogue.Establishments)
        {
            // Looked up by FINESS: an establishment entered by hand keeps its row.
            var stored = await db.Establishments.SingleOrDefaultAsync(e => e.Finess == finess, cancellationToken);
            if (stored is null)
            {
                stored = Establishment.Create(DemoCatalogue.IdOf("establishment:" + finess), DemoCatalogue.AgencyId, finess, name, city, type).Value;
                db.Establishments.Add(stored);
                _added++;
            }

            establishments.Add(stored);
        }

        var index = 0;
        foreach (var file in workflowFiles.Order(StringComparer.Ordinal))
        {
            var definition = await RegisterAsync(file, now, cancellationToken);
            if (definition is not null)
            {
                await SeedWaveAsync(definition, index++, establishments, now, cancellationToken);
            }
        }

        if (await SaveAsync("demo.seed", cancellationToken))
        {
            var values = await new DemoIndicatorValues(db).AddAsync(now, cancellationToken);
            _added += await SaveAsync("demo.indicators", cancellationToken) ? values : 0;
        }

        return new DemoSeedResult(
            await db.Agencies.CountAsync(cancellationToken), await db.Establishments.CountAsync(cancellationToken),
            await db.ProgrammeDefinitions.CountAsync(cancellationToken), await db.Waves.CountAsync(cancellationToken),
            await db.Groups.CountAsync(cancellationToken), await db.Enrolments.CountAsync(cancellationToken),
            await db.TeamMembers.CountAsync(cancellationToken), await db.Sessions.CountAsync(cancellationToken), _added, _warnings);
    }

    private async Task<ProgrammeDefinition?> RegisterAsync(string file, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var source = await File.ReadAllTextAsync(file, cancellationToken);
        var registered = ProgrammeDefinition.Register(DemoCatalogue.IdOf("definition:" + Path.GetFileName(file)), Path.GetFileName(file), source, now);
        if (!registered.IsSuccess)
        {
            _warnings.Add($"{file} : définition invalide, ignorée ({registered.Error!.Message})");
            return null;
        }

        var fresh = registered.Value;
        var stored = await db.ProgrammeDefinitions.SingleOrDefaultAsync(d => d.ProgrammeId == fresh.ProgrammeId && d.Version == fresh.Version, cancellationToken);
        if (stored is null)
        {
            db.ProgrammeDefinitions.Add(fresh);
            _added++;
            return fresh;
        }

        if (stored.Hash != fresh.Hash && !stored.Replace(Path.GetFileName(file), source, now).IsSuccess)
        {
            _warnings.Add($"{file} : {fresh.ProgrammeId} v{fresh.Version} est déjà utilisée et a changé ; la version enregistrée est conservée (augmentez 'version').");
        }

        return stored;
    }

    private async Task SeedWaveAsync(ProgrammeDefinition stored, int index, List<Establishment> establishments, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var definition = stored.Parse();
        var key = $"{definition.Id}@{definition.Version}";
        var wave = await db.Waves.SingleOrDefaultAsync(w => w.Id == DemoCatalogue.IdOf("wave:" + key), cancellationToken);
        if (wave is null)
        {
            wave = new Wave(DemoCatalogue.IdOf("wave:" + key), DemoCatalogue.AgencyId, stored.Id, $"Vague de démonstration – {definition.Title}", AnchorsFor(definition, index), now);
            db.Waves.Add(wave);
            _added++;
        }

        stored.Lock();
        var calendar = ScheduleResolver.Resolve(definition, wave.AnchorDates);
        if (!calendar.IsSuccess)
        {
            _warnings.Add($"{key} : calendrier non résolu, aucune séance prévue ({calendar.Error!.Message})");
        }

        var groupCount = Math.Max(1, (int)Math.Ceiling(establishments.Count / (double)definition.GroupSize.Max));
        var groups = Enumerable.Range(0, groupCount).Select(g => new Group(DemoCatalogue.IdOf($"group:{key}:{g}"), wave.Id, $"Groupe {g + 1}", null)).ToList();
        await AddMissingAsync(db.Groups, groups, g => g.Id, cancellationToken);

        var enrolments = new List<Enrolment>();
        for (var e = 0; e < establishments.Count; e++)
        {
            var group = groups[e % groupCount];
            var enrolment = new Enrolment(DemoCatalogue.IdOf($"enrolment:{key}:{establishments[e].Finess}"), wave.Id, group.Id, establishments[e].Id);
            if (await AddMissingAsync(db.Enrolments, [enrolment], x => x.Id, cancellationToken) == 1)
            {
                var started = await executor.ExecuteAsync(definition, wave, enrolment, new StartEnrolment(Seeder), mail: false, cancellationToken);
                if (!started.IsSuccess)
                {
                    _warnings.Add($"{key} : {establishments[e].Name} n'a pas pu démarrer ({started.Error!.Message})");
                }
            }

            enrolments.Add(enrolment);
            var roles = definition.Roles.Where(r => r.Side == RoleSide.Establishment && !r.Optional).ToList();
            var members = roles.Select((role, r) =>
            {
                var (name, email) = DemoCatalogue.Person(e, r);
                return new TeamMember(DemoCatalogue.IdOf($"member:{enrolment.Id}:{role.Id}"), enrolment.Id, role.Id, name, email);
            });
            await AddMissingAsync(db.TeamMembers, [.. members], m => m.Id, cancellationToken);
        }

        if (calendar.IsSuccess)
        {
            await AddMissingAsync(db.Sessions, [.. PlannedSessions(calendar.Value, key, wave.Id, groups, enrolments)], s => s.Id, cancellationToken);
        }
    }

    private static IEnumerable<Session> PlannedSessions(ResolvedCalendar calendar, string key, Guid waveId, IReadOnlyList<Group> groups, IReadOnlyList<Enrolment> enrolments) =>
        groups.SelectMany(g => SessionPlan.ForGroup(calendar, waveId, g.Id, id => DemoCatalogue.IdOf($"session:{key}:{g.Id}:{id}")))
            .Concat(enrolments.SelectMany(e => SessionPlan.ForEnrolment(calendar, e, id => DemoCatalogue.IdOf($"session:{key}:{e.Id}:{id}"))));

    /// <summary>
    /// J three weeks ahead (a Monday, one week later per programme); every other anchor five weeks after J, or as many
    /// weeks more as the programme's phases need to follow one another.
    /// </summary>
    private Dictionary<string, DateOnly> AnchorsFor(WorkflowDefinition definition, int index)
    {
        var start = ParisTime.Today(clock).AddDays(21 + (7 * index));
        while (start.DayOfWeek != DayOfWeek.Monday)
        {
            start = start.AddDays(1);
        }

        // Later anchors move on by weeks until every phase ends after it starts (office surgery: the launch J* comes
        // after the candidature deadline J + 2 months 21 days and the selection).
        for (var gap = 35; ; gap += 7)
        {
            var anchors = definition.Anchors.Select((a, i) => (a.Id, Date: i == 0 ? start : start.AddDays(gap)))
                .ToDictionary(a => a.Id, a => a.Date, StringComparer.Ordinal);
            if (gap >= 35 + (7 * 52) || ScheduleResolver.Resolve(definition, anchors) is not { IsSuccess: true } calendar || calendar.Value.InvertedPhases().Count == 0)
            {
                return anchors;
            }
        }
    }

    private async Task<bool> SaveAsync(string command, CancellationToken cancellationToken)
    {
        var saved = await unitOfWork.SaveAsync(true, new CommandName(command, Seeder.Id, DemoCatalogue.AgencyId), null, cancellationToken);
        if (!saved.IsSuccess)
        {
            _warnings.Add($"Démonstration non enregistrée : {saved.Error!.Message}");
            _added = 0;
        }

        return saved.IsSuccess;
    }

    /// <summary>Adds the rows whose id is neither stored nor already added; returns how many were added.</summary>
    private async Task<int> AddMissingAsync<T>(DbSet<T> set, IReadOnlyList<T> rows, Func<T, Guid> id, CancellationToken cancellationToken)
        where T : class
    {
        var count = 0;
        foreach (var row in rows)
        {
            if (await set.FindAsync([id(row)], cancellationToken) is null)
            {
                set.Add(row);
                count++;
            }
        }

        _added += count;
        return count;
    }
}
