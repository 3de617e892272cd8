using System.Globalization;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Benchmark.Data.Identity;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Features.Waves;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Infrastructure.Builders;

/// <summary>
/// A wave of its own for one test, beside the demo and sharing nothing with it: a new agency with its ARS admin and
/// reviewer, a group with its consultant, establishments enrolled through the application's own use case
/// (<see cref="EnrolEstablishment"/>: the pipeline starts them and plans their sessions) and one signed-in account per
/// team. Every account's password is <see cref="BenchmarkApp.Password"/>. A test that changes this wave changes nothing
/// another test relies on, and a test reads which ids it works on from <see cref="BuiltWave"/> instead of the demo's.
/// </summary>
public sealed class WaveBuilder(IServiceProvider services)
{
    private string _programme = "benchmark-bloc-uca";
    private int _establishments = 1;

    /// <summary>The programme (the id of a definition in <c>workflows/</c>); benchmark-bloc-uca unless told.</summary>
    public WaveBuilder Programme(string programmeId)
    {
        _programme = programmeId;
        return this;
    }

    /// <summary>How many establishments the group has (one unless told).</summary>
    public WaveBuilder Establishments(int count)
    {
        _establishments = count;
        return this;
    }

    public async Task<BuiltWave> BuildAsync()
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<BenchmarkDbContext>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var agency = new Agency(Guid.CreateVersion7(), $"ARS de test {tag}", "Région de test");
        db.Agencies.Add(agency);
        var stored = await db.ProgrammeDefinitions.AsNoTracking().Where(d => d.ProgrammeId == _programme)
            .OrderByDescending(d => d.Version).FirstOrDefaultAsync()
            ?? throw new InvalidOperationException($"No programme « {_programme} » in workflows/.");
        var definition = stored.Parse();
        var wave = new Wave(Guid.CreateVersion7(), agency.Id, stored.Id, $"Vague de test {tag}", Anchors(definition, clock), clock.GetUtcNow());
        db.Waves.Add(wave);
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var admin = await AccountAsync(users, clock, $"admin-{tag}@test.benchmark.test", AppRoles.ArsAdmin, agency.Id);
        var reviewer = await AccountAsync(users, clock, $"referent-{tag}@test.benchmark.test", AppRoles.ArsReviewer, agency.Id);
        var consultant = await AccountAsync(users, clock, $"consultant-{tag}@test.benchmark.test", AppRoles.Consultant, null);
        var group = new Group(Guid.CreateVersion7(), wave.Id, "Groupe de test", consultant.Id);
        db.Groups.Add(group);
        var establishments = Enumerable.Range(0, _establishments).Select(i => Establishment.Create(
            Guid.CreateVersion7(), agency.Id, Finess(i), $"Établissement de test {i + 1} ({tag})", "Testville", EstablishmentType.CentreHospitalier).Value).ToList();
        db.Establishments.AddRange(establishments);
        await db.SaveChangesAsync();

        var enrol = sp.GetRequiredService<EnrolEstablishment>();
        var ars = new CurrentUser(admin.Id, admin.FullName, new HashSet<string> { AppRoles.ArsAdmin }, agency.Id);
        var teams = new List<BuiltTeam>();
        var lead = definition.Roles.First(r => r.Side == RoleSide.Establishment).Id;
        foreach (var (establishment, i) in establishments.Select((e, i) => (e, i)))
        {
            var enrolment = await enrol.HandleAsync(wave, group, establishment, ars, CancellationToken.None);
            var team = await AccountAsync(users, clock, $"equipe{i + 1}-{tag}@test.benchmark.test", AppRoles.TeamMember, null);
            db.TeamMembers.Add(new TeamMember(Guid.CreateVersion7(), enrolment.Value.Id, lead, team.FullName, team.Email!, team.Id));
            teams.Add(new BuiltTeam(establishment.Id, enrolment.Value.Id, team.Email!));
        }

        await db.SaveChangesAsync();
        return new BuiltWave(agency.Id, wave.Id, group.Id, admin.Email!, reviewer.Email!, consultant.Email!, teams);
    }

    /// <summary>J four weeks ahead; every other anchor as many weeks later as the phases need to follow one another.</summary>
    private static Dictionary<string, DateOnly> Anchors(WorkflowDefinition definition, TimeProvider clock)
    {
        var start = ParisTime.Today(clock).AddDays(28);
        for (var gap = 35; ; gap += 7)
        {
            var anchors = definition.Anchors.Select((a, i) => (a.Id, Date: i == 0 ? start : start.AddDays(gap)))
                .ToDictionary(a => a.Id, a => a.Date, StringComparer.Ordinal);
            if (gap > 400 || ScheduleResolver.Resolve(definition, anchors) is not { IsSuccess: true } calendar || calendar.Value.InvertedPhases().Count == 0)
            {
                return anchors;
            }
        }
    }

    private static async Task<AppUser> AccountAsync(UserManager<AppUser> users, TimeProvider clock, string email, string role, Guid? agency)
    {
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, CreatedAt = clock.GetUtcNow(), AgencyId = agency,
            FullName = role switch
            {
                AppRoles.ArsAdmin => "Anne Admin (test)",
                AppRoles.ArsReviewer => "Roland Référent (test)",
                AppRoles.Consultant => "Claire Consultante (test)",
                _ => "Théo Équipe (test)",
            },
        };
        // The demo's published password, refused for real accounts by the password rules: set as the demo's own are.
        user.PasswordHash = users.PasswordHasher.HashPassword(user, BenchmarkApp.Password);
        Check(await users.CreateAsync(user));
        Check(await users.AddToRoleAsync(user, role));
        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    // Department 13, then seven random digits: a valid format, and no clash with the demo's or another test's numbers.
    private static string Finess(int index) =>
        "13" + ((Random.Shared.Next(0, 1_000_000) * 10) + index).ToString("0000000", CultureInfo.InvariantCulture);
}

/// <summary>What <see cref="WaveBuilder"/> made: the ids a test works on and the accounts that sign in.</summary>
public sealed record BuiltWave(Guid AgencyId, Guid WaveId, Guid GroupId, string Admin, string Reviewer, string Consultant, IReadOnlyList<BuiltTeam> Teams);

/// <summary>An enrolled establishment and the account of its project lead.</summary>
public sealed record BuiltTeam(Guid EstablishmentId, Guid EnrolmentId, string Email);
