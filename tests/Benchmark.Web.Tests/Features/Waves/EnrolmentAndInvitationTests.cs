using System.Net;
using System.Text.Json.Nodes;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Data.Identity;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Tests.Features.Waves;

public sealed class EnrolmentAndInvitationTests : IClassFixture<BenchmarkApp>
{
    private readonly BenchmarkApp _app;

    public EnrolmentAndInvitationTests(BenchmarkApp app) => _app = app;

    [Fact]
    public async Task Enrol_WhenAdminEnrolsIntoNewGroup_ThenEnrolmentStartsWithFirstPhaseOpenAndSessionsPlanned()
    {
        using var client = await _app.SignedInAsync(ArsData.Admin);
        var wave = await _app.DemoWaveAsync("gestion-flux-patients");
        var (group, establishment) = await NewGroupAndEstablishmentAsync(client, wave.Id, "Groupe inscrit", "130000011");

        var response = await BenchmarkApp.PostFormAsync(client, $"/vagues/{wave.Id}?handler=Enrol",
            new Dictionary<string, string> { ["GroupId"] = group.Id.ToString(), ["EstablishmentId"] = establishment.Id.ToString() }, $"/vagues/{wave.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var definition = (await _app.DefinitionAsync("gestion-flux-patients")).Parse();
        var enrolment = await _app.DbAsync(db => db.Enrolments.Include(e => e.Phases).AsNoTracking().SingleAsync(e => e.EstablishmentId == establishment.Id));
        Assert.Equal(group.Id, enrolment.GroupId);
        Assert.Equal(definition.Phases[0].Id, enrolment.CurrentPhaseId);
        Assert.Equal(PhaseStatus.Open, enrolment.Phases.Single(p => p.PhaseId == definition.Phases[0].Id).Status);
        Assert.Equal(definition.Phases.Count, enrolment.Phases.Count);
        var own = await _app.DbAsync(db => db.Sessions.CountAsync(s => s.EnrolmentId == enrolment.Id));
        var collective = await _app.DbAsync(db => db.Sessions.CountAsync(s => s.GroupId == group.Id && s.EnrolmentId == null));
        Assert.Equal(definition.Sessions.Count(s => s.Kind != SessionKind.Collective), own);
        Assert.Equal(definition.Sessions.Count(s => s.Kind == SessionKind.Collective), collective);
        Assert.True(own > 0 && collective > 0);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(ArsData.Url($"/vagues/{wave.Id}")));
        Assert.Contains("Le groupe « Groupe inscrit » compte 1 établissement(s)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enrol_WhenAlreadyEnrolled_Then409WithoutSecondEnrolment()
    {
        using var client = await _app.SignedInAsync(ArsData.Admin);
        var wave = await _app.DemoWaveAsync("coaching-imagerie");
        var group = await _app.GroupFollowedByAsync(wave.Id, ArsData.Consultant);
        var enrolled = await _app.DbAsync(db => db.Enrolments.AsNoTracking().FirstAsync(e => e.WaveId == wave.Id));

        var response = await BenchmarkApp.PostFormAsync(client, $"/vagues/{wave.Id}?handler=Enrol",
            new Dictionary<string, string> { ["GroupId"] = group.Id.ToString(), ["EstablishmentId"] = enrolled.EstablishmentId.ToString() }, $"/vagues/{wave.Id}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("participe déjà à cette vague", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1, await _app.DbAsync(db => db.Enrolments.CountAsync(e => e.WaveId == wave.Id && e.EstablishmentId == enrolled.EstablishmentId)));
    }

    [Fact]
    public async Task Invite_WhenEmailHasNoAccount_ThenMemberAccountAndExactlyOneInvitationWithLink()
    {
        using var client = await _app.SignedInAsync(ArsData.Admin);
        var wave = await _app.DemoWaveAsync("office-surgery");
        var group = await _app.GroupFollowedByAsync(wave.Id, ArsData.Consultant);
        var enrolment = await _app.DbAsync(db => db.Enrolments.AsNoTracking().FirstAsync(e => e.GroupId == group.Id));
        var role = (await _app.DefinitionAsync("office-surgery")).Parse().Roles.First(r => r.Side == RoleSide.Establishment);
        const string email = "nouvelle.recrue@demo.benchmark.test";
        var before = await _app.DbAsync(db => db.OutboxMessages.CountAsync());

        var response = await BenchmarkApp.PostFormAsync(client, $"/vagues/{wave.Id}/groupes/{group.Id}?handler=Invite", new Dictionary<string, string>
        {
            ["EnrolmentId"] = enrolment.Id.ToString(), ["FullName"] = "Nina Nouvelle", ["Email"] = email, ["RoleId"] = role.Id,
        }, $"/vagues/{wave.Id}/groupes/{group.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var user = await _app.DbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.Null(user.PasswordHash);
        Assert.True(await _app.DbAsync(db => db.UserRoles.AnyAsync(r => r.UserId == user.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == AppRoles.TeamMember))));
        var member = await _app.DbAsync(db => db.TeamMembers.AsNoTracking().SingleAsync(m => m.Email == email));
        Assert.Equal((enrolment.Id, role.Id, (Guid?)user.Id), (member.EnrolmentId, member.RoleId, member.UserId));
        var messages = await _app.DbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Recipient == email).ToListAsync());
        var message = Assert.Single(messages);
        Assert.Equal(before + 1, await _app.DbAsync(db => db.OutboxMessages.CountAsync()));
        Assert.Equal("invitation", message.Kind);
        Assert.EndsWith(" vous invite sur Benchmark", message.Subject, StringComparison.Ordinal);
        var link = (string)JsonNode.Parse(message.Payload)!["model"]!["link"]!;
        Assert.StartsWith($"http://localhost:5000/invitation?user={user.Id}&token=", link, StringComparison.Ordinal);
        var token = Uri.UnescapeDataString(link[(link.IndexOf("&token=", StringComparison.Ordinal) + 7)..]);
        Assert.True(await _app.WithServicesAsync(async sp =>
        {
            var users = (Microsoft.AspNetCore.Identity.UserManager<AppUser>)sp.GetService(typeof(Microsoft.AspNetCore.Identity.UserManager<AppUser>))!;
            var stored = await users.FindByIdAsync(user.Id.ToString());
            return await users.VerifyUserTokenAsync(stored!, users.Options.Tokens.PasswordResetTokenProvider, Microsoft.AspNetCore.Identity.UserManager<AppUser>.ResetPasswordTokenPurpose, token);
        }));
    }

    [Fact]
    public async Task Invite_WhenEmailInvalid_ThenFrenchErrorAndNothingSaved()
    {
        using var client = await _app.SignedInAsync(ArsData.Admin);
        var wave = await _app.DemoWaveAsync("hdj-medecine");
        var group = await _app.GroupFollowedByAsync(wave.Id, ArsData.Consultant);
        var enrolment = await _app.DbAsync(db => db.Enrolments.AsNoTracking().FirstAsync(e => e.GroupId == group.Id));
        var before = await _app.DbAsync(db => Task.FromResult((db.TeamMembers.Count(), db.OutboxMessages.Count(), db.Users.Count())));

        var response = await BenchmarkApp.PostFormAsync(client, $"/vagues/{wave.Id}/groupes/{group.Id}?handler=Invite", new Dictionary<string, string>
        {
            ["EnrolmentId"] = enrolment.Id.ToString(), ["FullName"] = "Sans Adresse", ["Email"] = "pas-une-adresse", ["RoleId"] = "chef-de-projet",
        }, $"/vagues/{wave.Id}/groupes/{group.Id}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Indiquez une adresse électronique valide", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await _app.DbAsync(db => Task.FromResult((db.TeamMembers.Count(), db.OutboxMessages.Count(), db.Users.Count()))));
    }

    private async Task<(Group Group, Establishment Establishment)> NewGroupAndEstablishmentAsync(HttpClient client, Guid waveId, string groupName, string finess)
    {
        var created = await BenchmarkApp.PostFormAsync(client, "/etablissements/nouveau", new Dictionary<string, string>
        {
            ["Finess"] = finess, ["Name"] = "Centre hospitalier d'essai " + finess, ["City"] = "Essai-sur-Mer", ["Type"] = nameof(EstablishmentType.CentreHospitalier),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var group = await BenchmarkApp.PostFormAsync(client, $"/vagues/{waveId}?handler=Group", new Dictionary<string, string> { ["GroupName"] = groupName }, $"/vagues/{waveId}");
        Assert.Equal(HttpStatusCode.Redirect, group.StatusCode);
        return (await _app.DbAsync(db => db.Groups.AsNoTracking().SingleAsync(g => g.WaveId == waveId && g.Name == groupName)),
            await _app.DbAsync(db => db.Establishments.AsNoTracking().SingleAsync(e => e.Finess == finess)));
    }
}
