using Benchmark.Data;
using Benchmark.Data.Identity;
using Benchmark.Web.Features.Demo;
using Benchmark.Web.Infrastructure.Files;
using Benchmark.Web.Pipeline;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Account;

/// <summary>
/// One demo account per role (README lists them), linked to the demo data: the ARS staff to the demo agency, the
/// consultants to alternate groups, the team members to the first two establishments (every programme) and, for the
/// roadmap stage (<see cref="DemoRoadmapStage"/>), a third one to the fourth establishment's flux-patients team. Idempotent.
/// Their password is <c>Demo:Password</c> (default <see cref="DefaultPassword"/>).
/// </summary>
internal sealed class DemoAccounts(
    BenchmarkDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, FileStore files, EnrolmentExecutor pipeline,
    UnitOfWork unit, TimeProvider clock)
{
    public const string DefaultPassword = "Benchmark-demo-2026";

    public static IReadOnlyList<(string Email, string Name, string Role)> All { get; } =
    [
        ("admin@demo.benchmark.test", "Alice Administratrice (ARS)", AppRoles.ArsAdmin),
        ("referent@demo.benchmark.test", "Rémi Référent (ARS)", AppRoles.ArsReviewer),
        ("consultant@demo.benchmark.test", "Coralie Consultante", AppRoles.Consultant),
        ("consultant2@demo.benchmark.test", "Cyril Consultant", AppRoles.Consultant),
        ("equipe@demo.benchmark.test", "Estelle Équipe (CH de Port-Lumière)", AppRoles.TeamMember),
        ("equipe2@demo.benchmark.test", "Étienne Équipe (Clinique des Calanques bleues)", AppRoles.TeamMember),
        (DemoRoadmapStage.Account, "Emma Équipe (Hôpital Saint-Roch-des-Vignes)", AppRoles.TeamMember),
    ];

    public async Task<int> EnsureAsync(string password, CancellationToken cancellationToken = default)
    {
        foreach (var role in AppRoles.All.Where(r => !roles.Roles.Any(x => x.Name == r)))
        {
            Check(await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() }));
        }

        var created = 0;
        var accounts = new Dictionary<string, AppUser>(StringComparer.Ordinal);
        foreach (var (email, name, role) in All)
        {
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new AppUser
                {
                    Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, FullName = name, CreatedAt = clock.GetUtcNow(),
                    AgencyId = role is AppRoles.ArsAdmin or AppRoles.ArsReviewer ? DemoSeeder.DemoAgencyId : null,
                };
                Check(await users.CreateAsync(user, password));
                Check(await users.AddToRoleAsync(user, role));
                created++;
            }

            accounts[email] = user;
        }

        await LinkAsync(accounts, cancellationToken);
        await new DemoRoadmapStage(db, files, pipeline, unit).EnsureAsync(accounts.ToDictionary(a => a.Key, a => a.Value.FullName, StringComparer.Ordinal), cancellationToken);
        return created;
    }

    private async Task LinkAsync(Dictionary<string, AppUser> accounts, CancellationToken cancellationToken)
    {
        var waves = await db.Waves.Where(w => w.AgencyId == DemoSeeder.DemoAgencyId).Select(w => w.Id).ToListAsync(cancellationToken);
        var referent = accounts["referent@demo.benchmark.test"].Id;
        var linked = await db.WaveReferents.Where(r => r.UserId == referent).Select(r => r.WaveId).ToListAsync(cancellationToken);
        db.WaveReferents.AddRange(waves.Except(linked).Select(w => new WaveReferent { WaveId = w, UserId = referent }));

        var groups = await db.Groups.Where(g => waves.Contains(g.WaveId) && g.ConsultantId == null).ToListAsync(cancellationToken);
        foreach (var group in groups.OrderBy(g => g.WaveId).ThenBy(g => g.Name, StringComparer.Ordinal).Select((g, i) => (g, i)))
        {
            group.g.AssignConsultant(accounts[group.i % 2 == 0 ? "consultant@demo.benchmark.test" : "consultant2@demo.benchmark.test"].Id);
        }

        var finess = DemoSeeder.DemoFiness;
        foreach (var (email, index, programme) in new[]
        {
            ("equipe@demo.benchmark.test", 0, (string?)null), ("equipe2@demo.benchmark.test", 1, null),
            (DemoRoadmapStage.Account, DemoRoadmapStage.Establishment, DemoRoadmapStage.Programme),
        })
        {
            var establishment = await db.Establishments.SingleOrDefaultAsync(e => e.Finess == finess[index], cancellationToken);
            if (establishment is null)
            {
                continue;
            }

            var account = accounts[email].Id;
            var members = await db.TeamMembers
                .Where(m => db.Enrolments.Any(e => e.Id == m.EnrolmentId && e.EstablishmentId == establishment.Id
                    && (programme == null || db.Waves.Any(w => w.Id == e.WaveId && db.ProgrammeDefinitions.Any(d => d.Id == w.DefinitionId && d.ProgrammeId == programme)))))
                .ToListAsync(cancellationToken);

            // The account holds the project-lead role of its establishment in every programme (or the one named).
            foreach (var enrolment in members.GroupBy(m => m.EnrolmentId).Where(g => g.All(m => m.UserId != account)))
            {
                enrolment.Where(m => m.UserId is null).OrderBy(m => m.RoleId == "chef-de-projet" ? 0 : 1).FirstOrDefault()?.LinkAccount(account);
            }
        }

        var saved = await unit.SaveAsync(true, new CommandName("demo.accounts", "seed", DemoSeeder.DemoAgencyId), null, cancellationToken);
        if (!saved.IsSuccess)
        {
            throw new InvalidOperationException("Demo accounts: " + saved.Error!.Message);
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo account: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
