using System.Net;
using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Web.Features.Demo;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.Grid;

/// <summary>/parcours/{enrolmentId}/grille over real HTTP on SQLite: upload, errors, valid rows only, idempotence, access.</summary>
public sealed class GridImportTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    [Fact]
    public async Task Upload_WhenTwoBadRows_ThenBothReportedAndNothingImported()
    {
        var enrolment = await ImagingEnrolmentAsync(DemoSeeder.DemoFiness[0]);
        await ClearAsync(enrolment);
        using var client = await app.SignedInAsync("equipe@demo.benchmark.test");

        var response = await UploadAsync(client, enrolment, "deux-lignes-fausses.csv");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("2 lignes à corriger : rien n'a été importé", html, StringComparison.Ordinal);
        Assert.Contains("<td>31/02/2010</td><td>date invalide", html.Replace("<td>Date</td>", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("data-ligne=\"3\"", html, StringComparison.Ordinal);
        Assert.Contains("data-ligne=\"6\"", html, StringComparison.Ordinal);
        Assert.Contains("Programmé annulé", html, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(enrolment));
    }

    [Fact]
    public async Task Upload_WhenValidRowsOnlyThenFixedFileThenSameFileAgain_ThenEachRowOnceAndIndicatorValuesWritten()
    {
        var enrolment = await ImagingEnrolmentAsync(DemoSeeder.DemoFiness[0]);
        await ClearAsync(enrolment);
        using var client = await app.SignedInAsync("equipe@demo.benchmark.test");
        var rejected = await (await UploadAsync(client, enrolment, "deux-lignes-fausses.csv")).Content.ReadAsStringAsync();
        var validOnly = RenderedForm.From(rejected, $"/parcours/{enrolment}/grille", f => f.QuerySelector("#importer-valides") is not null);

        var partial = await validOnly.SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, partial.StatusCode);
        var landing = partial.Headers.Location!.ToString();
        var imported = WebUtility.HtmlDecode(await client.GetStringAsync(partial.Headers.Location));
        var said = System.Text.RegularExpressions.Regex.Replace(imported, @"\s+", " ");
        Assert.Contains("6 lignes valides lues, 6 lignes ajoutées. 2 lignes refusées n'ont pas été importées.", said, StringComparison.Ordinal);
        Assert.Equal(6, await CountAsync(enrolment));

        // The corrected file, uploaded from the page the import landed on: only its two new rows are added.
        var fixedFile = await UploadAsync(client, enrolment, "francais.csv", formPage: landing);
        var fixedHtml = WebUtility.HtmlDecode(await fixedFile.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, fixedFile.StatusCode);
        Assert.Contains("8 lignes valides lues, 2 lignes ajoutées (6 lignes déjà importées)", fixedHtml, StringComparison.Ordinal);
        Assert.Equal(8, await CountAsync(enrolment));

        var again = WebUtility.HtmlDecode(await (await UploadAsync(client, enrolment, "francais.csv")).Content.ReadAsStringAsync());
        Assert.Contains("Fichier déjà importé", again, StringComparison.Ordinal);
        Assert.Equal(8, await CountAsync(enrolment));

        // The four imaging indicators, September 2010, shown and stored for the indicator pages.
        Assert.Contains("<td data-indicateur=\"taux-rdv-programmes\">66,7 %</td>", again, StringComparison.Ordinal);
        Assert.Contains("<td data-indicateur=\"taux-rdv-non-honores\">25 %</td>", again, StringComparison.Ordinal);
        Assert.Contains("<td data-indicateur=\"delai-moyen-rdv\">12 j</td>", again, StringComparison.Ordinal);
        Assert.Contains("<td data-indicateur=\"delai-moyen-cr\">4 j</td>", again, StringComparison.Ordinal);
        var stored = await app.WithServicesAsync(async sp => await sp.GetRequiredService<BenchmarkDbContext>().IndicatorValues
            .Where(v => v.EnrolmentId == enrolment && v.Period == "2010-M09").ToDictionaryAsync(v => $"{v.IndicatorId}/{v.InputId}", v => v.Value));
        Assert.Equal(3m, stored["taux-rdv-programmes/honores"]);
        Assert.Equal(2m, stored["taux-rdv-programmes/non_programmes"]);
        Assert.Equal(1m, stored["taux-rdv-non-honores/non_honores"]);
        Assert.Equal(12m, stored["delai-moyen-rdv/delai_moyen"]);
        Assert.Equal(4m, stored["delai-moyen-cr/delai_moyen_cr"]);
    }

    [Fact]
    public async Task Upload_WhenAPeriodIsValidated_ThenItsValuesAreLeftAndTheUserIsTold()
    {
        var enrolment = await ImagingEnrolmentAsync(DemoSeeder.DemoFiness[0]);
        await ClearAsync(enrolment);
        await LockAsync(enrolment, "2010-M09", 99m);
        try
        {
            using var client = await app.SignedInAsync("equipe@demo.benchmark.test");

            var response = await UploadAsync(client, enrolment, "francais.csv");
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(8, await CountAsync(enrolment));
            var warning = System.Text.RegularExpressions.Regex.Match(html, "id=\"periodes-verrouillees\">(.*?)</div>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
            Assert.Contains("Les indicateurs de septembre 2010 ont été validés : la période est verrouillée", warning, StringComparison.Ordinal);
            Assert.DoesNotContain("octobre 2010", warning, StringComparison.Ordinal);
            var stored = await app.WithServicesAsync(async sp => await sp.GetRequiredService<BenchmarkDbContext>().IndicatorValues
                .Where(v => v.EnrolmentId == enrolment).Select(v => new { v.Period, v.IndicatorId, v.InputId, v.Value, v.Status }).ToListAsync());
            var locked = Assert.Single(stored, v => v.Period == "2010-M09");
            Assert.Equal((99m, IndicatorValueStatus.Validated), (locked.Value, locked.Status));
            Assert.Contains(stored, v => v.Period == "2010-M10" && v.IndicatorId == "taux-rdv-programmes" && v.InputId == "honores" && v.Value == 1m);
        }
        finally
        {
            await app.WithServicesAsync(async sp =>
            {
                var db = sp.GetRequiredService<BenchmarkDbContext>();
                await db.IndicatorPeriodReports.Where(r => r.EnrolmentId == enrolment && r.Period == "2010-M09").ExecuteDeleteAsync();
                return await db.IndicatorValues.Where(v => v.EnrolmentId == enrolment && v.Period == "2010-M09").ExecuteDeleteAsync();
            });
        }
    }

    [Fact]
    public async Task Upload_WhenWrongSheet_ThenClearErrorAndNothingImported()
    {
        var enrolment = await ImagingEnrolmentAsync(DemoSeeder.DemoFiness[0]);
        await ClearAsync(enrolment);
        using var client = await app.SignedInAsync("equipe@demo.benchmark.test");

        var response = await UploadAsync(client, enrolment, "mauvaise-feuille.xlsx");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Feuille attendue : « Recueil »", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(enrolment));
    }

    [Fact]
    public async Task Grid_WhenEnrolmentOfAnotherEstablishment_ThenNotFoundOnPageUploadExportAndApi()
    {
        var other = await ImagingEnrolmentAsync(DemoSeeder.DemoFiness[1]);
        var mine = await ImagingEnrolmentAsync(DemoSeeder.DemoFiness[0]);
        using var client = await app.SignedInAsync("equipe@demo.benchmark.test");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/parcours/{other}/grille", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/parcours/{other}/grille?handler=Modele", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/parcours/{other}/grille/export?format=xlsx", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/api/enrolments/{other}/grid/summaries", UriKind.Relative))).StatusCode);
        var myForm = await RenderedForm.FromAsync(client, $"/parcours/{mine}/grille", f => f.QuerySelector("input[type=file]") is not null);
        var forged = await myForm.Attach("Fichier de la grille", "francais.csv", await File.ReadAllBytesAsync(GridCorpusTests.Corpus("francais.csv")))
            .SubmitAsync(client, forgedAction: $"/parcours/{other}/grille?handler=Upload");
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/parcours/{mine}/grille", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Template_WhenDownloaded_ThenWorkbookWithListValidations()
    {
        var enrolment = await ImagingEnrolmentAsync(DemoSeeder.DemoFiness[0]);
        using var client = await app.SignedInAsync("equipe@demo.benchmark.test");

        var response = await client.GetAsync(new Uri($"/parcours/{enrolment}/grille?handler=Modele", UriKind.Relative));
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);

        var sheets = document.WorkbookPart!.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Recueil", "Listes"], sheets);
        var lists = document.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.DataValidation>())
            .Where(v => v.Type?.Value == DocumentFormat.OpenXml.Spreadsheet.DataValidationValues.List).Select(v => v.Formula1!.Text).ToList();
        Assert.Equal(["Listes!$A$2:$A$6", "Listes!$B$2:$B$5", "Listes!$C$2:$C$4"], lists);
    }

    [Fact]
    public async Task Summaries_WhenImported_ThenApiAndFrenchCsvExport()
    {
        var enrolment = await ImagingEnrolmentAsync(DemoSeeder.DemoFiness[0]);
        await ClearAsync(enrolment);
        using var client = await app.SignedInAsync("equipe@demo.benchmark.test");
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(client, enrolment, "en-tete-fusionne.xlsx")).StatusCode);

        var json = await client.GetStringAsync(new Uri($"/api/enrolments/{enrolment}/grid/summaries?breakdown=activity", UriKind.Relative));
        var csv = await client.GetStringAsync(new Uri($"/parcours/{enrolment}/grille/export?format=csv", UriKind.Relative));

        using var parsed = System.Text.Json.JsonDocument.Parse(json);
        var irm = parsed.RootElement.GetProperty("summaries").EnumerateArray().Single(s => s.GetProperty("period").GetString() == "2010-M09" && s.GetProperty("activity").GetString() == "irm");
        Assert.Equal(50m, irm.GetProperty("missedRate").GetDecimal());
        Assert.Equal(8, parsed.RootElement.GetProperty("rowCount").GetInt32());
        Assert.Contains("2010-M09;septembre 2010;Toutes;Toutes;3;1;2;6;66,67;25;12;4;1;1;1;1;0;1", csv, StringComparison.Ordinal);
    }

    /// <summary>Uploads a corpus file through the upload form that <paramref name="formPage"/> renders (its own action and field).</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid enrolment, string file, string? formPage = null)
    {
        var form = await RenderedForm.FromAsync(client, formPage ?? $"/parcours/{enrolment}/grille", f => f.QuerySelector("input[type=file]") is not null);
        var response = await form.Attach("Fichier de la grille", file, await File.ReadAllBytesAsync(GridCorpusTests.Corpus(file))).SubmitAsync(client);
        return await FollowAsync(client, response);
    }

    /// <summary>Follows a redirect as a browser would (GET of its location); other answers as they are.</summary>
    private static async Task<HttpResponseMessage> FollowAsync(HttpClient client, HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect ? await client.GetAsync(response.Headers.Location) : response;

    private Task<Guid> ImagingEnrolmentAsync(string finess) => app.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<BenchmarkDbContext>();
        return await db.Enrolments
            .Where(e => db.Establishments.Any(x => x.Id == e.EstablishmentId && x.Finess == finess))
            .Where(e => db.Waves.Any(w => w.Id == e.WaveId && db.ProgrammeDefinitions.Any(d => d.Id == w.DefinitionId && d.ProgrammeId == "coaching-imagerie")))
            .Select(e => e.Id).SingleAsync();
    });

    private Task<int> CountAsync(Guid enrolment) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<BenchmarkDbContext>().GridEntries.CountAsync(e => e.EnrolmentId == enrolment));

    /// <summary>A period the team submitted with one value and the consultant validated: locked.</summary>
    private Task<int> LockAsync(Guid enrolment, string period, decimal value) => app.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<BenchmarkDbContext>();
        var now = DateTimeOffset.Parse("2010-11-02T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var report = new Benchmark.Core.Indicators.IndicatorPeriodReport(Guid.CreateVersion7(), enrolment, period);
        Assert.True(report.Submit("equipe@demo.benchmark.test", now).IsSuccess);
        Assert.True(report.Validate("consultant@demo.benchmark.test", null, now).IsSuccess);
        var stored = new IndicatorValue(Guid.CreateVersion7(), enrolment, "taux-rdv-programmes", period, "honores", value, "equipe@demo.benchmark.test", now);
        stored.Follow(report.Status);
        db.IndicatorPeriodReports.Add(report);
        db.IndicatorValues.Add(stored);
        return await db.SaveChangesAsync();
    });

    /// <summary>The tests of this class share one enrolment: each starts from an empty grid.</summary>
    private Task<int> ClearAsync(Guid enrolment) => app.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<BenchmarkDbContext>();
        await db.GridEntries.Where(e => e.EnrolmentId == enrolment).ExecuteDeleteAsync();
        await db.GridImports.Where(e => e.EnrolmentId == enrolment).ExecuteDeleteAsync();
        return await db.IndicatorValues.Where(v => v.EnrolmentId == enrolment && v.Status == IndicatorValueStatus.Draft).ExecuteDeleteAsync();
    });
}
