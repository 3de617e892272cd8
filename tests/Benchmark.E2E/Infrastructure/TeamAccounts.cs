using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Data.Identity;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.E2E.Infrastructure;

/// <summary>
/// A team account of its own for an enrolment that no demo login reaches (the third demo establishment), so that a
/// browser journey there depends on no other test's order.
/// </summary>
public static class TeamAccounts
{
    /// <summary>
    /// A new TeamMember account with the demo password, linked to every establishment-side role of the programme of
    /// <paramref name="enrolment"/> (one TeamMember row per role, all with the account's UserId). Returns its e-mail.
    /// </summary>
    public static async Task<string> CreateAsync(BenchmarkApp app, Guid enrolment, string fullName)
    {
        ArgumentNullException.ThrowIfNull(app);
        var email = $"equipe-{Guid.NewGuid():N}"[..16] + "@exemple.test";
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BenchmarkDbContext>();
        var definition = (await db.ProgrammeDefinitions.AsNoTracking().SingleAsync(d =>
            db.Waves.Any(w => w.DefinitionId == d.Id && db.Enrolments.Any(e => e.Id == enrolment && e.WaveId == w.Id)))).Parse();

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, FullName = fullName, CreatedAt = DateTimeOffset.UnixEpoch };
        // The demo password is refused on an account that is not a demo one: set here without the policy, so this
        // stand-in for a demo account signs in like the others.
        user.PasswordHash = users.PasswordHasher.HashPassword(user, DemoUsers.Password);
        Assert.True((await users.CreateAsync(user)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, AppRoles.TeamMember)).Succeeded);
        foreach (var role in definition.Roles.Where(r => r.Side == RoleSide.Establishment))
        {
            db.TeamMembers.Add(new TeamMember(Guid.CreateVersion7(), enrolment, role.Id, fullName, email, user.Id));
        }

        await db.SaveChangesAsync();
        return email;
    }
}
