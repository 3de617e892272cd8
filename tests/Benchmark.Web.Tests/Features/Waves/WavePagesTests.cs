using System.Net;
using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.Waves;

public sealed class WavePagesTests : IClassFixture<BenchmarkApp>
{
    private readonly BenchmarkApp _app;

    public WavePagesTests(BenchmarkApp app) => _app = app;

    [Theory]
    [InlineData(ArsData.Admin)]
    [InlineData(ArsData.Reviewer)]
    [InlineData(ArsData.Consultant)]
    public async Task Pages_WhenArsStaffOrConsultant_ThenListWaveAndGroupRender(string email)
    {
        using var client = await _app.SignedInAsync(email);
        var wave = await _app.DemoWaveAsync("gestion-flux-patients");
        var group = await _app.GroupFollowedByAsync(wave.Id, ArsData.Consultant);

        var list = await client.GetStringAsync(ArsData.Url("/vagues"));
        var details = await client.GetStringAsync(ArsData.Url($"/vagues/{wave.Id}"));
        var groupPage = await client.GetStringAsync(ArsData.Url($"/vagues/{wave.Id}/groupes/{group.Id}"));

        Assert.Contains($"href=\"/vagues/{wave.Id}\"", list, StringComparison.Ordinal);
        Assert.Contains(group.Name, details, StringComparison.Ordinal);
        Assert.Contains("Équipe projet de", groupPage, StringComparison.Ordinal);
        Assert.Contains("Centre hospitalier", groupPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Group_WhenItsConsultantOpensIt_ThenEverySessionOfTheGroupAndOfItsEstablishmentsIsListedWithItsPage()
    {
        using var client = await _app.SignedInAsync(ArsData.Consultant);
        var wave = await _app.DemoWaveAsync("gestion-flux-patients");
        var group = await _app.GroupFollowedByAsync(wave.Id, ArsData.Consultant);
        var sessions = await _app.WithServicesAsync(sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            return db.Sessions.Where(s => s.GroupId == group.Id || db.Enrolments.Any(e => e.Id == s.EnrolmentId && e.GroupId == group.Id))
                .Select(s => new { s.Id, s.EnrolmentId }).ToListAsync();
        });

        var page = await client.GetStringAsync(ArsData.Url($"/vagues/{wave.Id}/groupes/{group.Id}"));

        Assert.Contains(sessions, s => s.EnrolmentId is null);
        Assert.Contains(sessions, s => s.EnrolmentId is not null);
        Assert.All(sessions, s => Assert.Contains($"<tr data-session=\"{s.Id}\">", page, StringComparison.Ordinal));
        Assert.Contains($"Séances ({sessions.Count})", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_WhenTeamMember_Then404()
    {
        using var client = await _app.SignedInAsync(ArsData.Team);
        var wave = await _app.DemoWaveAsync("gestion-flux-patients");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(ArsData.Url("/vagues"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(ArsData.Url($"/vagues/{wave.Id}"))).StatusCode);
    }

    [Fact]
    public async Task Details_WhenConsultantOpensGroupOfOtherConsultant_Then404()
    {
        using var client = await _app.SignedInAsync(ArsData.Consultant);
        var wave = await _app.DemoWaveAsync("gestion-flux-patients");
        var other = await _app.GroupFollowedByAsync(wave.Id, "consultant2@demo.benchmark.test");

        var response = await client.GetAsync(ArsData.Url($"/vagues/{wave.Id}/groupes/{other.Id}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Details_WhenWaveOfAnotherAgency_Then404ForGetAndPost()
    {
        var foreign = await _app.DbAsync(async db =>
        {
            var agency = new Agency(Guid.NewGuid(), "ARS voisine", "Ailleurs");
            var definition = await db.ProgrammeDefinitions.FirstAsync();
            var wave = new Wave(Guid.NewGuid(), agency.Id, definition.Id, "Vague d'une autre agence", new Dictionary<string, DateOnly>(), DateTimeOffset.UnixEpoch);
            db.AddRange(agency, wave);
            await db.SaveChangesAsync();
            return wave;
        });
        using var client = await _app.SignedInAsync(ArsData.Admin);

        var get = await client.GetAsync(ArsData.Url($"/vagues/{foreign.Id}"));
        var post = await BenchmarkApp.PostFormAsync(client, $"/vagues/{foreign.Id}?handler=Group", new Dictionary<string, string> { ["GroupName"] = "Intrus" }, "/vagues");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.False(await _app.DbAsync(db => db.Groups.AnyAsync(g => g.WaveId == foreign.Id)));
    }

    [Fact]
    public async Task New_WhenAnchorMissing_ThenFrenchErrorAndNothingSaved()
    {
        using var client = await _app.SignedInAsync(ArsData.Admin);
        var definition = await _app.DefinitionAsync("gestion-flux-patients");
        var before = await _app.DbAsync(db => db.Waves.CountAsync());

        var response = await BenchmarkApp.PostFormAsync(client, "/vagues/nouvelle", new Dictionary<string, string>
        {
            ["DefinitionId"] = definition.Id.ToString(), ["Name"] = "Vague sans J*", ["Anchors[J]"] = "2027-01-04",
        });

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("fr-error-text", html, StringComparison.Ordinal);
        Assert.Contains("Indiquez la date « Premier jour de formation", html, StringComparison.Ordinal);
        Assert.Equal(before, await _app.DbAsync(db => db.Waves.CountAsync()));
    }

    [Fact]
    public async Task New_WhenLaunchSetBeforeTheCandidatureDeadline_ThenRefusedNamingThePhaseAndNothingSaved()
    {
        using var client = await _app.SignedInAsync(ArsData.Admin);
        var definition = await _app.DefinitionAsync("office-surgery");
        var before = await _app.DbAsync(db => db.Waves.CountAsync());

        // Candidature due J + 2 months 21 days = 25/03/2027; selection due J* = 08/02/2027: it would end before it starts.
        var response = await BenchmarkApp.PostFormAsync(client, "/vagues/nouvelle", new Dictionary<string, string>
        {
            ["DefinitionId"] = definition.Id.ToString(), ["Name"] = "Vague au lancement trop tôt", ["Anchors[J]"] = "2027-01-04", ["Anchors[J*]"] = "2027-02-08",
        });

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("la phase « Instruction et sélection des projets » finirait le 08/02/2027, avant de commencer le 25/03/2027", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2027-02-08\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await _app.DbAsync(db => db.Waves.CountAsync()));
    }

    [Fact]
    public async Task New_WhenFirstTrainingDayBeforeNotification_ThenFieldErrorGivesTheOrderAndNothingSaved()
    {
        using var client = await _app.SignedInAsync(ArsData.Admin);
        var definition = await _app.DefinitionAsync("gestion-flux-patients");
        var before = await _app.DbAsync(db => db.Waves.CountAsync());
        var form = await RenderedForm.FromAsync(client, $"/vagues/nouvelle?DefinitionId={definition.Id}",
            f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase) && f.Action.EndsWith("/vagues/nouvelle", StringComparison.Ordinal));

        var response = await form.Fill("Nom de la vague", "Vague à l'envers")
            .Fill("J —", "2027-01-18").Fill("J* —", "2027-01-04").SubmitAsync(client);

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("fr-input--error", html, StringComparison.Ordinal);
        Assert.Contains("(J*) du 04/01/2027 précède la date « Jour de notification du marché", html, StringComparison.Ordinal);
        Assert.Equal(before, await _app.DbAsync(db => db.Waves.CountAsync()));
    }

    [Fact]
    public async Task New_WhenReviewerPosts_ThenRoleRefusedAndNothingSaved()
    {
        using var client = await _app.SignedInAsync(ArsData.Reviewer);
        var definition = await _app.DefinitionAsync("gestion-flux-patients");
        var before = await _app.DbAsync(db => db.Waves.CountAsync());

        var response = await BenchmarkApp.PostFormAsync(client, "/vagues/nouvelle", new Dictionary<string, string>
        {
            ["DefinitionId"] = definition.Id.ToString(), ["Name"] = "Vague du référent", ["Anchors[J]"] = "2027-01-04", ["Anchors[J*]"] = "2027-01-18",
        });

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("fr-alert--error", html, StringComparison.Ordinal);
        Assert.Contains("Votre rôle ne permet pas cette action.", html, StringComparison.Ordinal);
        Assert.Equal(before, await _app.DbAsync(db => db.Waves.CountAsync()));
    }

    [Fact]
    public async Task New_WhenAdminPosts_ThenWaveCreatedLockedAndHiddenFromConsultantWithoutGroup()
    {
        using var admin = await _app.SignedInAsync(ArsData.Admin);
        var definition = await _app.DefinitionAsync("hdj-medecine");
        var fields = new Dictionary<string, string> { ["DefinitionId"] = definition.Id.ToString(), ["Name"] = "Vague 2027 – test de création" };
        foreach (var anchor in definition.Parse().Anchors)
        {
            fields[$"Anchors[{anchor.Id}]"] = "2027-03-01";
        }

        var response = await BenchmarkApp.PostFormAsync(admin, "/vagues/nouvelle", fields, $"/vagues/nouvelle?DefinitionId={definition.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var wave = await _app.DbAsync(db => db.Waves.AsNoTracking().SingleAsync(w => w.Name == "Vague 2027 – test de création"));
        Assert.Equal($"/vagues/{wave.Id}", response.Headers.Location!.OriginalString);
        Assert.True((await _app.DefinitionAsync("hdj-medecine")).Locked);
        Assert.All(wave.Anchors, a => Assert.Equal(new DateOnly(2027, 3, 1), a.Date));

        using var consultant = await _app.SignedInAsync(ArsData.Consultant);
        Assert.Equal(HttpStatusCode.NotFound, (await consultant.GetAsync(ArsData.Url($"/vagues/{wave.Id}"))).StatusCode);
    }

    [Fact]
    public async Task GroupPost_WhenReviewer_ThenRoleRefusedAndNothingSaved()
    {
        using var client = await _app.SignedInAsync(ArsData.Reviewer);
        var wave = await _app.DemoWaveAsync("coaching-imagerie");

        var response = await BenchmarkApp.PostFormAsync(client, $"/vagues/{wave.Id}?handler=Group", new Dictionary<string, string> { ["GroupName"] = "Groupe du référent" }, $"/vagues/{wave.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Votre rôle ne permet pas cette action.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await _app.DbAsync(db => db.Groups.AnyAsync(g => g.Name == "Groupe du référent")));
    }
}
