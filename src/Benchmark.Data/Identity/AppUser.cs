using Microsoft.AspNetCore.Identity;

namespace Benchmark.Data.Identity;

/// <summary>The application roles (ASP.NET Core Identity roles).</summary>
public static class AppRoles
{
    public const string ArsAdmin = "ArsAdmin";
    public const string ArsReviewer = "ArsReviewer";
    public const string Consultant = "Consultant";
    public const string TeamMember = "TeamMember";

    public static IReadOnlyList<string> All { get; } = [ArsAdmin, ArsReviewer, Consultant, TeamMember];

    public static string French(string role) => role switch
    {
        ArsAdmin => "Administrateur ARS",
        ArsReviewer => "Référent ARS",
        Consultant => "Consultant",
        TeamMember => "Membre d'équipe projet",
        _ => role,
    };
}

/// <summary>
/// A person who signs in. ARS staff belong to an agency (<see cref="AgencyId"/>); consultants see the groups they
/// follow; team members see the enrolments they belong to (<see cref="Core.Domain.TeamMember.UserId"/>).
/// </summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public string FullName { get; set; } = "";

    /// <summary>The agency of ARS staff; null for consultants and establishment teams.</summary>
    public Guid? AgencyId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A personal access token for integrations: only its SHA-256 is stored; revocable.</summary>
public sealed class PersonalAccessToken
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>First characters of the token, shown so the owner can tell tokens apart.</summary>
    public string Prefix { get; set; } = "";

    public string Hash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>A private iCalendar feed URL of a user: only the SHA-256 of its secret token is stored; revocable.</summary>
public sealed class CalendarFeed
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    /// <summary>SHA-256 (lowercase hex) of the token in the feed URL.</summary>
    public string TokenHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>An ARS staff member named referent of a wave: invited to the sessions the definition opens to the ARS.</summary>
public sealed class WaveReferent
{
    public Guid WaveId { get; set; }

    public Guid UserId { get; set; }
}
