using System.Security.Claims;
using Benchmark.Data.Identity;

namespace Benchmark.Web.Features.Access;

/// <summary>The signed-in person as the access rule needs them: id, roles, agency. Read once per request.</summary>
public sealed record CurrentUser(Guid Id, string Name, IReadOnlySet<string> Roles, Guid? AgencyId)
{
    public static CurrentUser Anonymous { get; } = new(Guid.Empty, "", new HashSet<string>(), null);

    public bool IsAuthenticated => Id != Guid.Empty;

    public bool IsArsStaff => Roles.Contains(AppRoles.ArsAdmin) || Roles.Contains(AppRoles.ArsReviewer);

    public bool IsArsAdmin => Roles.Contains(AppRoles.ArsAdmin);

    public bool IsConsultant => Roles.Contains(AppRoles.Consultant);

    public bool IsTeamMember => Roles.Contains(AppRoles.TeamMember);

    public const string AgencyClaim = "benchmark:agency";

    public static CurrentUser From(ClaimsPrincipal principal)
    {
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            return Anonymous;
        }

        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        Guid? agency = Guid.TryParse(principal.FindFirstValue(AgencyClaim), out var a) ? a : null;
        return new CurrentUser(id, principal.FindFirstValue("name") ?? principal.Identity?.Name ?? "", roles, agency);
    }
}
