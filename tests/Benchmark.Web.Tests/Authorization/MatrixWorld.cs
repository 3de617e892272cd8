using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Runtime;
using Benchmark.Data;
using Benchmark.Data.Identity;
using Benchmark.Web.Infrastructure.Api;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Authorization;

/// <summary>An object of one kind the matrix substitutes into a route, with the text that must never leak.</summary>
public sealed record MatrixObject(Guid Id, string Marker);

/// <summary>
/// The world the matrix plays in: the demo, plus a second agency with its own establishment, wave, group, enrolment,
/// sessions and staff account, and one token per person. For each demo account it knows an object of each kind that
/// account may see and — the point — one it may NOT see, chosen as its nearest neighbour.
/// </summary>
public sealed class MatrixWorld
{
    public const string OtherAgencyName = "ARS Témoin Boréale";
    public const string OtherWaveName = "Vague boréale confidentielle";
    public const string OtherGroupName = "Groupe boréal confidentiel";
    public const string OtherEstablishmentName = "Centre hospitalier Boréal-Confidentiel";
    public const string OtherAdminName = "Octave Boréal-Confidentiel";
    public const string OtherTokenName = "Jeton boréal confidentiel";
    public const string OtherMemberName = "Ophélie Boréale-Confidentielle";

    public static IReadOnlyList<string> Roles { get; } =
    [
        "admin@demo.benchmark.test", "referent@demo.benchmark.test", "consultant@demo.benchmark.test",
        "consultant2@demo.benchmark.test", "equipe@demo.benchmark.test", "equipe2@demo.benchmark.test",
    ];

    /// <summary>Text of the second agency that no demo account may ever read, on any page.</summary>
    public static IReadOnlyList<string> OtherAgencyMarkers { get; } =
        [OtherAgencyName, OtherWaveName, OtherGroupName, OtherEstablishmentName, OtherAdminName, OtherTokenName, OtherMemberName];

    public Dictionary<string, Dictionary<string, MatrixObject>> Visible { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<string, MatrixObject>> Forbidden { get; } = new(StringComparer.Ordinal);

    public static async Task<MatrixWorld> BuildAsync(BenchmarkApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<BenchmarkDbContext>();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var other = await SeedOtherAgencyAsync(db, sp.GetRequiredService<UserManager<AppUser>>(), now);
        var world = new MatrixWorld();
        var users = await db.Users.Where(u => Roles.Contains(u.Email!)).ToDictionaryAsync(u => u.Email!, StringComparer.Ordinal);
        var tokens = new Dictionary<string, MatrixObject>(StringComparer.Ordinal);
        foreach (var email in Roles)
        {
            tokens[email] = AddToken(db, users[email].Id, $"Jeton de {users[email].FullName}", now);
        }

        await db.SaveChangesAsync();
        var d = await DemoFacts.LoadAsync(db);
        foreach (var email in Roles)
        {
            var me = users[email];
            var visible = world.Visible[email] = new(StringComparer.Ordinal);
            var forbidden = world.Forbidden[email] = new(StringComparer.Ordinal);
            visible["userId"] = new(me.Id, me.FullName);
            visible["tokenId"] = tokens[email];
            visible["definitionId"] = d.Definition;
            forbidden["userId"] = other.Admin;
            forbidden["waveId"] = other.Wave;
            forbidden["tokenId"] = other.Token;
            var (wave, group, enrolment, establishment, session) = email switch
            {
                "consultant@demo.benchmark.test" or "consultant2@demo.benchmark.test" => d.OfConsultant(me.Id),
                "equipe@demo.benchmark.test" or "equipe2@demo.benchmark.test" => d.OfMember(me.Id),
                _ => d.OfAgency(),
            };
            (visible["waveId"], visible["groupId"], visible["enrolmentId"], visible["establishmentId"], visible["sessionId"]) = (wave, group, enrolment, establishment, session);
            switch (email)
            {
                case "consultant@demo.benchmark.test" or "consultant2@demo.benchmark.test":
                    var colleague = users[email == "consultant@demo.benchmark.test" ? "consultant2@demo.benchmark.test" : "consultant@demo.benchmark.test"];
                    var theirs = d.OfConsultant(colleague.Id);
                    (forbidden["groupId"], forbidden["enrolmentId"], forbidden["sessionId"]) = (theirs.Group, theirs.Enrolment, theirs.Session);
                    forbidden["establishmentId"] = d.EstablishmentOutsideConsultant(me.Id) ?? other.Establishment;
                    forbidden["tokenId"] = tokens[colleague.Email!];
                    break;
                case "equipe@demo.benchmark.test" or "equipe2@demo.benchmark.test":
                    var neighbour = users[email == "equipe@demo.benchmark.test" ? "equipe2@demo.benchmark.test" : "equipe@demo.benchmark.test"];
                    var theirJourney = d.NeighbourOf(me.Id, neighbour.Id);
                    (forbidden["groupId"], forbidden["enrolmentId"], forbidden["establishmentId"], forbidden["sessionId"]) =
                        (theirJourney.Group, theirJourney.Enrolment, theirJourney.Establishment, theirJourney.Session);
                    forbidden["definitionId"] = d.Definition;
                    forbidden["tokenId"] = tokens[neighbour.Email!];
                    break;
                default:
                    (forbidden["groupId"], forbidden["enrolmentId"], forbidden["establishmentId"], forbidden["sessionId"]) =
                        (other.Group, other.Enrolment, other.Establishment, other.Session);
                    break;
            }
        }

        return world;
    }

    private static MatrixObject AddToken(BenchmarkDbContext db, Guid userId, string name, DateTimeOffset now)
    {
        var secret = TokenSecret.Generate();
        var token = new PersonalAccessToken
        {
            Id = Guid.CreateVersion7(), UserId = userId, Name = name, Prefix = TokenSecret.PrefixOf(secret), Hash = TokenSecret.Hash(secret), CreatedAt = now,
        };
        db.PersonalAccessTokens.Add(token);
        return new(token.Id, name);
    }

    private sealed record OtherAgency(
        MatrixObject Wave, MatrixObject Group, MatrixObject Enrolment, MatrixObject Establishment, MatrixObject Session, MatrixObject Admin, MatrixObject Token);

    /// <summary>A second agency, written through the DbContext like any other data, with its own staff and team.</summary>
    private static async Task<OtherAgency> SeedOtherAgencyAsync(BenchmarkDbContext db, UserManager<AppUser> users, DateTimeOffset now)
    {
        var agency = new Agency(Guid.CreateVersion7(), OtherAgencyName, "Région boréale");
        var establishment = Establishment.Create(Guid.CreateVersion7(), agency.Id, "590000017", OtherEstablishmentName, "Boréal-sur-Mer", EstablishmentType.CentreHospitalier).Value;
        var stored = await db.ProgrammeDefinitions.OrderBy(x => x.ProgrammeId).FirstAsync();
        var definition = stored.Parse();
        var anchors = definition.Anchors.ToDictionary(a => a.Id, _ => DateOnly.FromDateTime(now.UtcDateTime).AddDays(30), StringComparer.Ordinal);
        var wave = new Wave(Guid.CreateVersion7(), agency.Id, stored.Id, OtherWaveName, anchors, now);
        var group = new Group(Guid.CreateVersion7(), wave.Id, OtherGroupName, consultantId: null);
        var enrolment = new Enrolment(Guid.CreateVersion7(), wave.Id, group.Id, establishment.Id);
        WorkflowEngine.Execute(definition, enrolment, EnrolmentContext.Empty, new StartEnrolment(new Actor("matrix", "Matrice", "ars", IsArsAdmin: true)), now);
        var collective = definition.Sessions.First(s => s.Kind == SessionKind.Collective);
        var session = new Session(Guid.CreateVersion7(), wave.Id, group.Id, null, collective.Id, collective.Kind, now.AddDays(40), now.AddDays(40).AddHours(3));
        var individual = definition.Sessions.FirstOrDefault(s => s.Kind == SessionKind.Individual);
        db.AddRange(agency, establishment, wave, group, enrolment, session);
        if (individual is not null)
        {
            db.Add(new Session(Guid.CreateVersion7(), wave.Id, group.Id, enrolment.Id, individual.Id, individual.Kind, now.AddDays(50), now.AddDays(50).AddHours(1)));
        }

        var admin = new AppUser
        {
            Id = Guid.CreateVersion7(), UserName = "admin@boreal.benchmark.test", Email = "admin@boreal.benchmark.test", EmailConfirmed = true,
            FullName = OtherAdminName, AgencyId = agency.Id, CreatedAt = now,
        };
        Check(await users.CreateAsync(admin, "Boréal-confidentiel-2026"));
        Check(await users.AddToRoleAsync(admin, AppRoles.ArsAdmin));
        var member = new AppUser
        {
            Id = Guid.CreateVersion7(), UserName = "equipe@boreal.benchmark.test", Email = "equipe@boreal.benchmark.test", EmailConfirmed = true,
            FullName = OtherMemberName, CreatedAt = now,
        };
        Check(await users.CreateAsync(member, "Boréal-confidentiel-2026"));
        Check(await users.AddToRoleAsync(member, AppRoles.TeamMember));
        var role = definition.Roles.First(r => r.Side == RoleSide.Establishment).Id;
        db.Add(new TeamMember(Guid.CreateVersion7(), enrolment.Id, role, OtherMemberName, "equipe@boreal.benchmark.test", member.Id));
        var token = AddToken(db, admin.Id, OtherTokenName, now);
        await db.SaveChangesAsync();
        return new(
            new(wave.Id, OtherWaveName), new(group.Id, OtherGroupName), new(enrolment.Id, OtherEstablishmentName), new(establishment.Id, OtherEstablishmentName),
            new(session.Id, OtherGroupName), new(admin.Id, OtherAdminName), token);
    }

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
}
