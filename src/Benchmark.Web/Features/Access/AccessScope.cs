using Benchmark.Core.Domain;
using Benchmark.Data;

namespace Benchmark.Web.Features.Access;

/// <summary>
/// The access rule, in one place: ARS staff see their agency's waves; a consultant sees the groups they follow;
/// a team member sees only their establishment's enrolments. Every page and API endpoint reads data through these
/// queries, so an id outside the scope is simply not found (404, no existence leak).
/// </summary>
public sealed class AccessScope(BenchmarkDbContext db, CurrentUser user)
{
    public CurrentUser User { get; } = user;

    public IQueryable<Wave> Waves() =>
        db.Waves.Where(w =>
            (User.IsArsStaff && w.AgencyId == User.AgencyId)
            || (User.IsConsultant && db.Groups.Any(g => g.WaveId == w.Id && g.ConsultantId == User.Id))
            || (User.IsTeamMember && db.Enrolments.Any(e => e.WaveId == w.Id && db.TeamMembers.Any(m => m.EnrolmentId == e.Id && m.UserId == User.Id))));

    public IQueryable<Group> Groups() =>
        db.Groups.Where(g =>
            (User.IsArsStaff && db.Waves.Any(w => w.Id == g.WaveId && w.AgencyId == User.AgencyId))
            || (User.IsConsultant && g.ConsultantId == User.Id)
            || (User.IsTeamMember && db.Enrolments.Any(e => e.GroupId == g.Id && db.TeamMembers.Any(m => m.EnrolmentId == e.Id && m.UserId == User.Id))));

    public IQueryable<Enrolment> Enrolments() =>
        db.Enrolments.Where(e =>
            (User.IsArsStaff && db.Waves.Any(w => w.Id == e.WaveId && w.AgencyId == User.AgencyId))
            || (User.IsConsultant && db.Groups.Any(g => g.Id == e.GroupId && g.ConsultantId == User.Id))
            || (User.IsTeamMember && db.TeamMembers.Any(m => m.EnrolmentId == e.Id && m.UserId == User.Id)));

    public IQueryable<Establishment> Establishments() =>
        db.Establishments.Where(x =>
            (User.IsArsStaff && x.AgencyId == User.AgencyId)
            || Enrolments().Any(e => e.EstablishmentId == x.Id));

    /// <summary>Collective sessions of visible groups, individual and internal sessions of visible enrolments.</summary>
    public IQueryable<Session> Sessions() =>
        db.Sessions.Where(s =>
            s.EnrolmentId == null
                ? Groups().Any(g => g.Id == s.GroupId)
                : Enrolments().Any(e => e.Id == s.EnrolmentId));

    public IQueryable<TeamMember> TeamMembers() => db.TeamMembers.Where(m => Enrolments().Any(e => e.Id == m.EnrolmentId));
}
