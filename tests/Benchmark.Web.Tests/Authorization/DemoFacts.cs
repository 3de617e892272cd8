using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Tests.Authorization;

/// <summary>
/// Who is where in the demo, read from the raw tables (never through AccessScope: the matrix must not grade the
/// access rule with itself).
/// </summary>
internal sealed class DemoFacts
{
    private List<Wave> _waves = [];
    private List<Group> _groups = [];
    private List<Enrolment> _enrolments = [];
    private Dictionary<Guid, Establishment> _establishments = [];
    private List<Session> _sessions = [];
    private List<TeamMember> _members = [];

    public MatrixObject Definition { get; private set; } = null!;

    public static async Task<DemoFacts> LoadAsync(BenchmarkDbContext db)
    {
        var facts = new DemoFacts
        {
            _waves = await db.Waves.Where(w => w.AgencyId == DemoSeeder.DemoAgencyId).OrderBy(w => w.Name).ToListAsync(),
            _establishments = await db.Establishments.Where(x => x.AgencyId == DemoSeeder.DemoAgencyId).ToDictionaryAsync(x => x.Id),
            _sessions = await db.Sessions.ToListAsync(),
            _members = await db.TeamMembers.ToListAsync(),
        };
        var waveIds = facts._waves.Select(w => w.Id).ToList();
        facts._groups = await db.Groups.Where(g => waveIds.Contains(g.WaveId)).OrderBy(g => g.Name).ToListAsync();
        facts._enrolments = await db.Enrolments.IgnoreAutoIncludes().Where(e => waveIds.Contains(e.WaveId)).ToListAsync();
        var definition = await db.ProgrammeDefinitions.SingleAsync(d => d.Id == facts._waves[0].DefinitionId);
        facts.Definition = new(definition.Id, definition.Title);
        return facts;
    }

    public Journey OfAgency() => JourneyOf(_enrolments.First(e => e.GroupId == _groups.First(g => g.WaveId == _waves[0].Id).Id));

    public Journey OfConsultant(Guid consultantId)
    {
        var group = _groups.First(g => g.ConsultantId == consultantId);
        return JourneyOf(_enrolments.First(e => e.GroupId == group.Id));
    }

    /// <summary>A journey of the team member, in a group where the other team member has no enrolment when possible.</summary>
    public Journey OfMember(Guid userId) => JourneyOf(EnrolmentsOf(userId).OrderBy(e => _waves.FindIndex(w => w.Id == e.WaveId)).First());

    /// <summary>A neighbour's journey whose group holds none of my enrolments (so the group is really out of my sight).</summary>
    public Journey NeighbourOf(Guid me, Guid neighbour)
    {
        var mine = EnrolmentsOf(me).Select(e => e.GroupId).ToHashSet();
        return JourneyOf(EnrolmentsOf(neighbour).First(e => !mine.Contains(e.GroupId)));
    }

    public MatrixObject? EstablishmentOutsideConsultant(Guid consultantId)
    {
        var seen = _enrolments.Where(e => _groups.Any(g => g.Id == e.GroupId && g.ConsultantId == consultantId)).Select(e => e.EstablishmentId).ToHashSet();
        return _establishments.Values.Where(x => !seen.Contains(x.Id)).Select(x => new MatrixObject(x.Id, x.Name)).FirstOrDefault();
    }

    private IEnumerable<Enrolment> EnrolmentsOf(Guid userId) =>
        _enrolments.Where(e => _members.Any(m => m.EnrolmentId == e.Id && m.UserId == userId));

    private Journey JourneyOf(Enrolment enrolment)
    {
        var wave = _waves.Single(w => w.Id == enrolment.WaveId);
        var group = _groups.Single(g => g.Id == enrolment.GroupId);
        var establishment = _establishments[enrolment.EstablishmentId];
        var session = _sessions.FirstOrDefault(s => s.EnrolmentId == enrolment.Id)
            ?? _sessions.First(s => s.EnrolmentId == null && s.GroupId == group.Id && s.Kind == SessionKind.Collective);
        var sessionMarker = session.EnrolmentId is null ? group.Name : establishment.Name;
        return new(
            new(wave.Id, wave.Name), new(group.Id, group.Name), new(enrolment.Id, establishment.Name), new(establishment.Id, establishment.Name),
            new(session.Id, sessionMarker));
    }
}

/// <summary>One enrolment and the objects around it.</summary>
internal sealed record Journey(MatrixObject Wave, MatrixObject Group, MatrixObject Enrolment, MatrixObject Establishment, MatrixObject Session);
