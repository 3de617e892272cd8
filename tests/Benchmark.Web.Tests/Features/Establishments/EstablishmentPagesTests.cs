using System.Net;
using Benchmark.Web.Tests.Features.Waves;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Tests.Features.Establishments;

public sealed class EstablishmentPagesTests : IClassFixture<BenchmarkApp>
{
    private readonly BenchmarkApp _app;

    public EstablishmentPagesTests(BenchmarkApp app) => _app = app;

    [Theory]
    [InlineData(ArsData.Admin)]
    [InlineData(ArsData.Reviewer)]
    [InlineData(ArsData.Consultant)]
    public async Task Pages_WhenArsStaffOrConsultant_ThenListAndDetailsRender(string email)
    {
        using var client = await _app.SignedInAsync(email);
        var establishment = await _app.DbAsync(db => db.Establishments.AsNoTracking().SingleAsync(e => e.Finess == "130781234"));

        var list = await client.GetStringAsync(ArsData.Url("/etablissements"));
        var details = WebUtility.HtmlDecode(await client.GetStringAsync(ArsData.Url($"/etablissements/{establishment.Id}")));

        Assert.Contains("130781234", list, StringComparison.Ordinal);
        Assert.Contains("Participations de « Centre hospitalier de Port-Lumière »", details, StringComparison.Ordinal);
        Assert.Contains("Vague de démonstration", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_WhenConsultantOpensEstablishmentOutsideTheirGroups_Then404()
    {
        using var client = await _app.SignedInAsync(ArsData.Consultant);
        var other = await _app.DbAsync(db => db.Establishments.AsNoTracking().SingleAsync(e => e.Finess == "130791001")); // 2nd: always in the other group

        var response = await client.GetAsync(ArsData.Url($"/etablissements/{other.Id}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("12345", "9 caractères")]
    [InlineData("200000001", "doit commencer par un département")]
    public async Task New_WhenFinessInvalid_ThenErrorUnderFieldAndNothingSaved(string finess, string expected)
    {
        using var client = await _app.SignedInAsync(ArsData.Admin);
        var before = await _app.DbAsync(db => db.Establishments.CountAsync());

        var response = await BenchmarkApp.PostFormAsync(client, "/etablissements/nouveau", new Dictionary<string, string>
        {
            ["Finess"] = finess, ["Name"] = "Hôpital mal numéroté", ["City"] = "Nulle-Part", ["Type"] = "CentreHospitalier",
        });

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Matches($"id=\"finess-erreur\">[^<]*{expected}", html);
        Assert.Equal(before, await _app.DbAsync(db => db.Establishments.CountAsync()));
    }

    [Fact]
    public async Task New_WhenFinessAlreadyRegistered_ThenClearMessageAndNothingSaved()
    {
        using var client = await _app.SignedInAsync(ArsData.Admin);
        var before = await _app.DbAsync(db => db.Establishments.CountAsync());

        var response = await BenchmarkApp.PostFormAsync(client, "/etablissements/nouveau", new Dictionary<string, string>
        {
            ["Finess"] = "13 078 1234", ["Name"] = "Doublon", ["City"] = "Port-Lumière", ["Type"] = "CentreHospitalier",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Le numéro FINESS 130781234 est déjà enregistré", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await _app.DbAsync(db => db.Establishments.CountAsync()));
    }

    [Fact]
    public async Task New_WhenReviewerPosts_ThenRoleRefusedAndNothingSaved()
    {
        using var client = await _app.SignedInAsync(ArsData.Reviewer);
        var before = await _app.DbAsync(db => db.Establishments.CountAsync());

        var response = await BenchmarkApp.PostFormAsync(client, "/etablissements/nouveau", new Dictionary<string, string>
        {
            ["Finess"] = "130000029", ["Name"] = "Clinique du référent", ["City"] = "Ici", ["Type"] = "Autre",
        });

        Assert.Contains("Votre rôle ne permet pas cette action.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await _app.DbAsync(db => db.Establishments.CountAsync()));
    }

    [Fact]
    public async Task New_WhenValid_ThenSavedInTheAgencyAndListed()
    {
        using var client = await _app.SignedInAsync(ArsData.Admin);

        var response = await BenchmarkApp.PostFormAsync(client, "/etablissements/nouveau", new Dictionary<string, string>
        {
            ["Finess"] = "2b0000017", ["Name"] = "Centre hospitalier de Capo-Bianco", ["City"] = "Capo-Bianco", ["Type"] = "CentreHospitalier",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await _app.DbAsync(db => db.Establishments.AsNoTracking().SingleAsync(e => e.Finess == "2B0000017"));
        Assert.Equal(Benchmark.Web.Features.Demo.DemoSeeder.DemoAgencyId, saved.AgencyId);
        Assert.Contains("Capo-Bianco", await client.GetStringAsync(ArsData.Url("/etablissements")), StringComparison.Ordinal);
    }
}
