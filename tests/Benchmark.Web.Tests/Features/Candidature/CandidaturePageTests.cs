using System.Net;
using Benchmark.Core.Domain;
using Benchmark.Core.OfficeSurgery;
using Benchmark.Core.Roadmap;
using Benchmark.Data;
using Benchmark.Web.Tests.Features.Roadmap;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.Candidature;

/// <summary>/parcours/{enrolmentId}/candidature: sections A–I, CCAM codes, submission, scope, ARS visit state and the funding panel.</summary>
public sealed class CandidaturePageTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    private const string Team = "equipe@demo.benchmark.test";
    private const string Programme = "office-surgery";

    public static Dictionary<string, string> Complete(string amount = "100 000", string code = "BJMA002", string contracted = "120")
    {
        var fields = CandidatureSections.All.SelectMany(s => s.Fields).ToDictionary(f => $"Form.Texts[{f.Id}]", f => $"Texte : {f.Label}");
        fields["Form.Acts[0].Code"] = code;
        fields["Form.Acts[0].Label"] = "Libération du nerf médian au canal carpien";
        fields["Form.Acts[0].Pathologies"] = "Syndrome du canal carpien";
        fields["Form.Acts[0].VolumeBefore"] = "40";
        fields["Form.Acts[0].ContractedVolume"] = contracted;
        fields["Form.RequestedAmount"] = amount;
        fields["Form.PlannedLaunch"] = "2027-03-01";
        fields["Form.Risks[0].Type"] = "Hygiène";
        fields["Form.Risks[0].Description"] = "Infection du site opératoire";
        fields["Form.Risks[0].Gravity"] = "2";
        fields["Form.Risks[0].Probability"] = "3";
        fields["Form.Risks[0].Mitigation"] = "Bionettoyage entre deux patients";
        fields["Form.Risks[0].Owner"] = "Équipe d'hygiène";
        fields["Form.Risks[0].Due"] = "2027-02-15";
        return fields;
    }

    private static string PathOf(Guid enrolment) => $"/parcours/{enrolment}/candidature";

    private static string Text(string html) => WebUtility.HtmlDecode(html).Replace('\u202f', ' ').Replace('\u00a0', ' ');

    [Theory]
    [InlineData("Form.Acts[0].Code", "BJM02", "n'est pas un code CCAM : quatre lettres puis trois chiffres")]
    [InlineData("Form.RequestedAmount", "150000", "au plus 100 000 €")]
    [InlineData("Form.Acts[0].ContractedVolume", "-3", "ne peut être négatif")]
    public async Task Save_WhenBadInput_ThenFrenchErrorAndNothingSaved(string field, string value, string message)
    {
        var enrolment = await StructuredData.EnrolmentAsync(app, 0, Programme);
        using var client = await app.SignedInAsync(Team);
        var fields = Complete();
        fields[field] = value;

        var response = await BenchmarkApp.PostFormAsync(client, PathOf(enrolment) + "?handler=Save", fields, PathOf(enrolment));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null(await DraftJsonAsync(enrolment));
    }

    [Fact]
    public async Task Submit_WhenSummaryOver400WordsOrSectionMissing_ThenRefusedNamingTheSection()
    {
        var enrolment = await StructuredData.EnrolmentAsync(app, 0, Programme);
        using var client = await app.SignedInAsync(Team);
        var fields = Complete();
        fields["Form.Texts[resume]"] = string.Join(' ', Enumerable.Repeat("mot", 401));
        fields["Form.Texts[criteres-exclusion]"] = "";

        var response = await BenchmarkApp.PostFormAsync(client, PathOf(enrolment) + "?handler=Submit", fields, PathOf(enrolment));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = Text(await response.Content.ReadAsStringAsync());
        Assert.Contains("Section A : le résumé compte 401 mots", html, StringComparison.Ordinal);
        Assert.Contains("Section C : « Critères d'exclusion » est obligatoire.", html, StringComparison.Ordinal);
        Assert.Null(await DraftJsonAsync(enrolment));
    }

    [Fact]
    public async Task Page_WhenAnotherEstablishmentsTeamOrNotOfficeSurgery_ThenNotFound()
    {
        var enrolment = await StructuredData.EnrolmentAsync(app, 0, Programme);
        var roadmapOnly = await StructuredData.EnrolmentAsync(app, 0, "gestion-flux-patients");
        using var other = await app.SignedInAsync("equipe2@demo.benchmark.test");
        using var own = await app.SignedInAsync(Team);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri(PathOf(enrolment), UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri(PathOf(enrolment) + "/version?v=1", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await own.GetAsync(new Uri(PathOf(roadmapOnly), UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Submit_WhenCompleteInItsPhase_ThenVersionThenVisitAndFundingComputedFromDossierAndIndicators()
    {
        var enrolment = await StructuredData.EnrolmentAsync(app, 0, Programme);
        await StructuredData.OpenPhaseAsync(app, enrolment, "candidature");
        using var client = await app.SignedInAsync(Team);

        var submit = await BenchmarkApp.PostFormAsync(client, PathOf(enrolment) + "?handler=Submit", Complete(code: "bjma 002"), PathOf(enrolment));

        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        var json = await app.WithServicesAsync(async sp => (await sp.GetRequiredService<BenchmarkDbContext>().Deliverables
            .SingleAsync(d => d.EnrolmentId == enrolment && d.DeliverableId == "dossier-candidature")).Submissions.Single().StructuredJson);
        var dossier = StructuredJson.Deserialize<CandidatureDossier>(json)!;
        Assert.Equal("BJMA002", dossier.Acts.Single().Code);
        Assert.Equal(120, dossier.ContractedVolume);
        var pending = Text(await client.GetStringAsync(new Uri(PathOf(enrolment), UriKind.Relative)));
        Assert.Contains("montant retenu : <strong>100 000 €</strong> — source : dossier déposé, pas encore validé (version 1)", pending, StringComparison.Ordinal);
        Assert.Contains("data-state=\"Waiting\"", pending, StringComparison.Ordinal);
        Assert.DoesNotContain("data-state=\"Due\"", pending, StringComparison.Ordinal);

        await StructuredData.OpenPhaseAsync(app, enrolment, "visite-lancement");
        await StructuredData.DecideAsync(app, enrolment, go: true);
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            db.IndicatorValues.Add(new IndicatorValue(Guid.NewGuid(), enrolment, "actes-realises", "2027", "", 60m, "Équipe", DateTimeOffset.UnixEpoch));
            return await db.SaveChangesAsync();
        });
        var funded = Text(await client.GetStringAsync(new Uri(PathOf(enrolment), UriKind.Relative)));

        Assert.Contains("Favorable", funded, StringComparison.Ordinal);
        Assert.Contains("60 actes réalisés sur 120 contractualisés (50 %) : au moins 50 % atteints, le solde est dû.", funded, StringComparison.Ordinal);
        Assert.Equal(2, funded.Split("data-state=\"Due\"").Length - 1);
        Assert.Contains("50 000 €", funded, StringComparison.Ordinal);
        var version = Text(await client.GetStringAsync(new Uri(PathOf(enrolment) + "/version?v=1", UriKind.Relative)));
        Assert.Contains("Libération du nerf médian au canal carpien", version, StringComparison.Ordinal);
        Assert.Contains("Matrice de criticité", version, StringComparison.Ordinal);
    }

    private Task<string?> DraftJsonAsync(Guid enrolment) => app.WithServicesAsync(sp =>
        sp.GetRequiredService<BenchmarkDbContext>().Set<DraftDocument>().Where(d => d.EnrolmentId == enrolment).Select(d => d.Json).SingleOrDefaultAsync());
}
