using System.Net;
using Benchmark.Core.Indicators;
using Benchmark.Core.OfficeSurgery;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Benchmark.Web.Tests.Features.Roadmap;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.OfficeSurgeryActs;

/// <summary>/parcours/{enrolmentId}/actes-ccam: lines per CCAM code and year, totals into the indicators and the funding rule, errors, scope.</summary>
public sealed class CcamActsPageTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    private const string Programme = "office-surgery";

    internal static string PathOf(Guid enrolment) => $"/parcours/{enrolment}/actes-ccam";

    internal static string Text(string html) => WebUtility.HtmlDecode(html).Replace('\u202f', ' ').Replace('\u00a0', ' ');

    internal static Dictionary<string, string> Lines(params (string Code, string Patients, string Acts, string Contracted)[] lines)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            (fields[$"Rows[{i}].Code"], fields[$"Rows[{i}].Patients"], fields[$"Rows[{i}].Acts"], fields[$"Rows[{i}].Contracted"]) = lines[i];
        }

        fields[$"Rows[{lines.Length}].Code"] = "";
        return fields;
    }

    internal static Task<int> YearAsync(BenchmarkApp app) => app.WithServicesAsync(sp => Task.FromResult(ParisTime.Today(sp.GetRequiredService<TimeProvider>()).Year));

    internal static async Task<HttpResponseMessage> SaveAsync(BenchmarkApp app, HttpClient client, Guid enrolment, Dictionary<string, string> fields) =>
        await BenchmarkApp.PostFormAsync(client, $"{PathOf(enrolment)}?annee={await YearAsync(app)}", fields, PathOf(enrolment));

    [Fact]
    public async Task Save_WhenValidLines_ThenLinesTotalsAndYearIndicatorsStored()
    {
        var enrolment = await StructuredData.EnrolmentAsync(app, 0, Programme);
        var year = await YearAsync(app);
        using var client = await app.SignedInAsync("equipe@demo.benchmark.test");

        var response = await SaveAsync(app, client, enrolment, Lines(("bjma 002", "40", "45", "60"), ("QZFA001", "1 200", "1 250", "1 000")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (lines, values) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            return (await db.Set<CcamActVolume>().Where(l => l.EnrolmentId == enrolment).OrderBy(l => l.Code).ToListAsync(),
                await db.IndicatorValues.Where(v => v.EnrolmentId == enrolment && v.Period == year.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToListAsync());
        });
        Assert.Equal([("BJMA002", 40, 45, 60), ("QZFA001", 1200, 1250, 1000)], lines.Select(l => (l.Code, l.Patients, l.Acts, l.Contracted)));
        Assert.All(lines, l => Assert.Equal(year, l.Year));
        decimal? Value(string indicator, string input) => values.Single(v => v.IndicatorId == indicator && v.InputId == input).Value;
        Assert.Equal(1240m, Value("patients-pris-en-charge", ""));
        Assert.Equal(1295m, Value("actes-realises", ""));
        Assert.Equal(1295m, Value("ratio-volumes", "actes_realises"));
        Assert.Equal(1060m, Value("ratio-volumes", "actes_contractualises"));
        var page = Text(await client.GetStringAsync(new Uri($"{PathOf(enrolment)}?annee={year}", UriKind.Relative)));
        Assert.Contains("<th scope=\"row\">Total</th><td></td><td>1 240</td><td>1 295</td><td>1 060</td><td>122 %</td>", page, StringComparison.Ordinal);
        var entry = Text(await client.GetStringAsync(new Uri($"/participations/{enrolment}/indicateurs/saisie?periode={year}", UriKind.Relative)));
        Assert.Contains("value=\"1295\"", entry, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_WhenLineRemovedAndChanged_ThenYearReplacedNotAppended()
    {
        var enrolment = await StructuredData.EnrolmentAsync(app, 2, Programme);
        using var client = await app.SignedInAsync("admin@demo.benchmark.test");
        await SaveAsync(app, client, enrolment, Lines(("BJMA002", "10", "10", "20"), ("QZFA001", "5", "6", "8")));

        var response = await SaveAsync(app, client, enrolment, Lines(("QZFA001", "7", "9", "8")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (lines, realised) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            return (await db.Set<CcamActVolume>().Where(l => l.EnrolmentId == enrolment).Select(l => new { l.Code, l.Acts }).ToListAsync(),
                await db.IndicatorValues.Where(v => v.EnrolmentId == enrolment && v.IndicatorId == "actes-realises").Select(v => v.Value).SingleAsync());
        });
        Assert.Equal(("QZFA001", 9), (Assert.Single(lines).Code, lines[0].Acts));
        Assert.Equal(9m, realised);
    }

    [Fact]
    public async Task Save_WhenDossierContractsVolumes_ThenPrefilledAndSecondTrancheComputedFromTheActs()
    {
        var enrolment = await StructuredData.EnrolmentAsync(app, 1, Programme);
        using var client = await app.SignedInAsync("equipe2@demo.benchmark.test");
        var candidature = $"/parcours/{enrolment}/candidature";
        var draft = await BenchmarkApp.PostFormAsync(client, candidature + "?handler=Save", new Dictionary<string, string>
        {
            ["Form.Acts[0].Code"] = "BJMA002", ["Form.Acts[0].Label"] = "Libération du nerf médian au canal carpien", ["Form.Acts[0].ContractedVolume"] = "120",
            ["Form.RequestedAmount"] = "80 000",
        }, candidature);
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);

        var prefilled = Text(await client.GetStringAsync(new Uri(PathOf(enrolment), UriKind.Relative)));
        var saved = await SaveAsync(app, client, enrolment, Lines(("BJMA002", "55", "61", "120")));

        Assert.Contains("id=\"prerempli\"", prefilled, StringComparison.Ordinal);
        Assert.Equal(2, prefilled.Split("name=\"__RequestVerificationToken\"").Length - 1); // sign-out form and the register's own
        Assert.Contains("name=\"Rows[0].Code\" value=\"BJMA002\"", prefilled, StringComparison.Ordinal);
        Assert.Contains("name=\"Rows[0].Contracted\" value=\"120\"", prefilled, StringComparison.Ordinal);
        Assert.Contains("data-state=\"Waiting\"", prefilled, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        const string due = "61 actes réalisés sur 120 contractualisés (50,8 %) : au moins 50 % atteints, le solde est dû.";
        var page = Text(await client.GetStringAsync(new Uri(PathOf(enrolment), UriKind.Relative)));
        Assert.Contains("id=\"solde\" data-state=\"Due\"", page, StringComparison.Ordinal);
        Assert.Contains(due, page, StringComparison.Ordinal);
        var funding = Text(await client.GetStringAsync(new Uri(candidature, UriKind.Relative)));
        Assert.Contains(due, funding, StringComparison.Ordinal);
        Assert.Contains("<tr data-state=\"Due\"><th scope=\"row\">2e tranche", funding, StringComparison.Ordinal);
        Assert.Contains($"href=\"{PathOf(enrolment)}\"", funding, StringComparison.Ordinal);

        await SaveAsync(app, client, enrolment, Lines(("BJMA002", "55", "59", "120")));
        var short_ = Text(await client.GetStringAsync(new Uri(candidature, UriKind.Relative)));
        Assert.Contains("59 actes réalisés sur 120 contractualisés (49,2 %) : moins de 50 %, le solde n'est pas versé.", short_, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BJM02", "40", "45", "Ligne 1 : « BJM02 » n'est pas un code CCAM : quatre lettres puis trois chiffres")]
    [InlineData("QZFA001", "40", "45", "Ligne 2 : le code QZFA001 figure déjà à la ligne 1 ; une seule ligne par code et par année.")]
    [InlineData("BJMA002", "-3", "45", "Ligne 1 : un nombre ne peut être négatif.")]
    [InlineData("BJMA002", "40", "12", "Ligne 1 : 12 actes réalisés pour 40 patients pris en charge ; chaque patient compté a reçu au moins un acte.")]
    [InlineData("BJMA002", "quarante", "45", "Ligne 1 : « quarante » n'est pas un nombre entier.")]
    [InlineData("BJMA002", "", "45", "Ligne 1 : indiquez le nombre de patients pris en charge (0 si aucun).")]
    public async Task Save_WhenBadInput_ThenFrenchErrorAndNothingSaved(string code, string patients, string acts, string message)
    {
        var enrolment = await StructuredData.EnrolmentAsync(app, 3, Programme);
        using var client = await app.SignedInAsync("admin@demo.benchmark.test");

        var response = await SaveAsync(app, client, enrolment, Lines((code, patients, acts, "50"), ("QZFA001", "1", "1", "")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = Text(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("fr-input-group--error", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{code}\"", html, StringComparison.Ordinal);
        var stored = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            return (await db.Set<CcamActVolume>().CountAsync(l => l.EnrolmentId == enrolment), await db.IndicatorValues.CountAsync(v => v.EnrolmentId == enrolment));
        });
        Assert.Equal((0, 0), stored);
    }

    [Fact]
    public async Task Save_WhenYearValidated_ThenRefusedInFrenchAndNothingChanged()
    {
        var enrolment = await StructuredData.EnrolmentAsync(app, 4, Programme);
        var year = await YearAsync(app);
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            var report = new IndicatorPeriodReport(Guid.CreateVersion7(), enrolment, year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            report.Submit("Équipe", DateTimeOffset.UnixEpoch);
            report.Validate("Consultant", null, DateTimeOffset.UnixEpoch);
            db.IndicatorPeriodReports.Add(report);
            return await db.SaveChangesAsync();
        });
        using var client = await app.SignedInAsync("admin@demo.benchmark.test");

        var response = await SaveAsync(app, client, enrolment, Lines(("BJMA002", "40", "45", "60")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains($"Les indicateurs de l'année {year} sont validés et verrouillés : les actes ne peuvent plus être modifiés.",
            Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var page = Text(await client.GetStringAsync(new Uri(PathOf(enrolment), UriKind.Relative)));
        Assert.Contains("id=\"annee-verrouillee\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Rows[0].Code", page, StringComparison.Ordinal);
        Assert.Equal(0, await StoredLinesAsync(enrolment));
    }

    [Fact]
    public async Task Page_WhenAnotherEstablishmentsTeamReviewerPostOrOtherProgramme_ThenNotFound()
    {
        var enrolment = await StructuredData.EnrolmentAsync(app, 0, Programme);
        var otherProgramme = await StructuredData.EnrolmentAsync(app, 0, "gestion-flux-patients");
        using var other = await app.SignedInAsync("equipe2@demo.benchmark.test");
        using var own = await app.SignedInAsync("equipe@demo.benchmark.test");
        using var reviewer = await app.SignedInAsync("referent@demo.benchmark.test");

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri(PathOf(enrolment), UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri(PathOf(enrolment) + "/export?format=xlsx", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await own.GetAsync(new Uri(PathOf(otherProgramme), UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await own.GetAsync(new Uri($"/api/enrolments/{otherProgramme}/ccam-acts", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SaveAsync(app, reviewer, enrolment, Lines(("BJMA002", "1", "1", "1")))).StatusCode);
        var read = Text(await reviewer.GetStringAsync(new Uri(PathOf(enrolment), UriKind.Relative)));
        Assert.DoesNotContain("Rows[0].Code", read, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IndicatorEntry_WhenOfficeSurgeryYear_ThenSatisfactionAndEachComplicationRateAreReportable()
    {
        var enrolment = await StructuredData.EnrolmentAsync(app, 5, Programme);
        var year = await YearAsync(app);
        using var client = await app.SignedInAsync("admin@demo.benchmark.test");
        var entry = $"/participations/{enrolment}/indicateurs/saisie?periode={year}";

        var page = Text(await client.GetStringAsync(new Uri(entry, UriKind.Relative)));
        var saved = await BenchmarkApp.PostFormAsync(client, entry + "&handler=Enregistrer", new Dictionary<string, string>
        {
            ["v.satisfaction-patients.patients_repondants"] = "80", ["v.satisfaction-patients.patients_satisfaits"] = "72",
            ["v.complications-post-op.actes"] = "200", ["v.complications-post-op.precoces"] = "2",
            ["v.complications-post-op.intermediaires"] = "1", ["v.complications-post-op.tardives"] = "1",
        }, entry);

        foreach (var title in new[]
        {
            "Taux de satisfaction des patients pris en charge", "Taux de satisfaction des équipes pratiquant l'office surgery",
            "Taux de complications per opératoires", "Taux de complications post opératoires précoces (<48h)",
            "Taux de complications post opératoires >48h jusqu'à 30j", "Taux de complications post opératoires tardives (>30j)",
        })
        {
            Assert.Contains(title, page, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var computed = await ComputedAsync(enrolment, year);
        Assert.Equal(90m, computed["satisfaction-patients"]);
        Assert.Equal(2m, computed["complications-post-op"]);
    }

    private Task<int> StoredLinesAsync(Guid enrolment) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<BenchmarkDbContext>().Set<CcamActVolume>().CountAsync(l => l.EnrolmentId == enrolment));

    private Task<Dictionary<string, decimal?>> ComputedAsync(Guid enrolment, int year) => app.WithServicesAsync(async sp =>
    {
        using var scope = sp.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<BenchmarkDbContext>();
        var definition = (await db.ProgrammeDefinitions.SingleAsync(d => d.ProgrammeId == Programme)).Parse();
        var key = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var inputs = await db.IndicatorValues.Where(v => v.EnrolmentId == enrolment && v.Period == key).ToListAsync();
        return inputs.GroupBy(v => v.IndicatorId).ToDictionary(
            g => g.Key, g => IndicatorForm.Compute(definition.Indicators.Single(i => i.Id == g.Key), g.ToDictionary(v => v.InputId, v => v.Value)).Value);
    });

    [Fact]
    public async Task Preview_WhenTyping_ThenHtmxPartialWithTotalsAndNothingSaved()
    {
        var enrolment = await StructuredData.EnrolmentAsync(app, 6, Programme);
        var year = await YearAsync(app);
        using var client = await app.SignedInAsync("admin@demo.benchmark.test");
        var preview = $"{PathOf(enrolment)}?annee={year}&handler=Apercu";

        var valid = await BenchmarkApp.PostFormAsync(client, preview, Lines(("BJMA002", "40", "45", "60"), ("QZFA001", "10", "10", "")), PathOf(enrolment));
        var wrong = await BenchmarkApp.PostFormAsync(client, preview, Lines(("BJMA02", "40", "4", "60")), PathOf(enrolment));

        var html = Text(await valid.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.StartsWith("<div id=\"totaux-saisie\"", html.Trim(), StringComparison.Ordinal);
        Assert.Contains("Totaux saisis : 50 patients pris en charge, 55 actes réalisés pour 60 contractualisés, soit 91,7 %.", html, StringComparison.Ordinal);
        Assert.Contains("(2 points à revoir)", Text(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await StoredLinesAsync(enrolment));
    }

    [Fact]
    public async Task Journey_WhenOfficeSurgeryOrNot_ThenLinksTheRegisterOnlyFor003()
    {
        var enrolment = await StructuredData.EnrolmentAsync(app, 0, Programme);
        var otherProgramme = await StructuredData.EnrolmentAsync(app, 0, "gestion-flux-patients");
        using var client = await app.SignedInAsync("equipe@demo.benchmark.test");

        var journey = await client.GetStringAsync(new Uri($"/parcours/{enrolment}", UriKind.Relative));
        var other = await client.GetStringAsync(new Uri($"/parcours/{otherProgramme}", UriKind.Relative));

        Assert.Contains($"href=\"{PathOf(enrolment)}\"", journey, StringComparison.Ordinal);
        Assert.DoesNotContain("/actes-ccam", other, StringComparison.Ordinal);
    }
}
