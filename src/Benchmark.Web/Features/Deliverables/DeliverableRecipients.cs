using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Data;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Deliverables;

/// <summary>
/// Who hears about a deliverable: the approver named by the definition when a version is submitted, the team when it
/// is decided. Addresses are trimmed and deduplicated (case-insensitive); people without an address are skipped.
/// </summary>
public sealed class DeliverableRecipients(BenchmarkDbContext db)
{
    /// <summary>The establishment's and the group's names, for the emails.</summary>
    public async Task<(string Establishment, string Group)> NamesAsync(Enrolment enrolment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        var names = await (
            from x in db.Establishments
            where x.Id == enrolment.EstablishmentId
            from g in db.Groups
            where g.Id == enrolment.GroupId
            select new { x.Name, Group = g.Name }).AsNoTracking().SingleAsync(cancellationToken);
        return (names.Name, names.Group);
    }

    /// <summary>The approver named by the definition: the group's consultant, or the wave's ARS referents (else the agency's reviewers).</summary>
    public async Task<List<(string Email, string Name)>> ApproversAsync(
        WorkflowDefinition definition, DeliverableDefinition d, Enrolment enrolment, Wave wave, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(wave);
        var side = d.Approver is null ? null : definition.FindRole(d.Approver)?.Side;
        List<(string?, string)> people = side switch
        {
            RoleSide.Consultant => [.. (await (
                from g in db.Groups
                where g.Id == enrolment.GroupId
                from u in db.Users
                where u.Id == g.ConsultantId
                select new { u.Email, u.FullName }).ToListAsync(cancellationToken)).Select(u => (u.Email, u.FullName))],
            RoleSide.Ars => [.. await ArsReferentsAsync(wave, cancellationToken)],
            _ => [],
        };
        return Distinct(people);
    }

    private async Task<List<(string?, string)>> ArsReferentsAsync(Wave wave, CancellationToken cancellationToken)
    {
        var referents = await (
            from r in db.WaveReferents
            where r.WaveId == wave.Id
            from u in db.Users
            where u.Id == r.UserId
            select new { u.Email, u.FullName }).ToListAsync(cancellationToken);
        if (referents.Count == 0)
        {
            referents = await (
                from u in db.Users
                where u.AgencyId == wave.AgencyId
                from ur in db.UserRoles
                where ur.UserId == u.Id
                from r in db.Roles
                where r.Id == ur.RoleId && r.Name == Data.Identity.AppRoles.ArsReviewer
                select new { u.Email, u.FullName }).ToListAsync(cancellationToken);
        }

        return [.. referents.Select(u => (u.Email, u.FullName))];
    }

    /// <summary>The enrolment's team members with an address; a member linked to an account is written to at the account's address.</summary>
    public async Task<List<(string Email, string Name)>> TeamAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        var members = await (
            from m in db.TeamMembers.AsNoTracking()
            where m.EnrolmentId == enrolmentId
            join u in db.Users on m.UserId equals u.Id into accounts
            from u in accounts.DefaultIfEmpty()
            select new { Email = u != null && u.Email != null ? u.Email : m.Email, m.FullName }).ToListAsync(cancellationToken);
        return Distinct([.. members.Select(m => ((string?)m.Email, m.FullName))]);
    }

    private static List<(string Email, string Name)> Distinct(List<(string? Email, string Name)> people) =>
        [.. people.Where(p => !string.IsNullOrWhiteSpace(p.Email)).Select(p => (p.Email!.Trim(), p.Name)).DistinctBy(p => p.Item1, StringComparer.OrdinalIgnoreCase)];
}
