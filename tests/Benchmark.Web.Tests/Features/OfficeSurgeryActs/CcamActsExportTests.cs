using System.Net;
using System.Text;
using System.Text.Json;
using Benchmark.Web.Tests.Features.Roadmap;
using Benchmark.Web.Tests.Infrastructure;

namespace Benchmark.Web.Tests.Features.OfficeSurgeryActs;

/// <summary>The per-CCAM table as CSV (French, international) and XLSX, and through /api/enrolments/{enrolmentId}/ccam-acts.</summary>
public sealed class CcamActsExportTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    [Fact]
    public async Task Export_WhenLinesSaved_ThenCsvAndXlsxHoldEachCodeAndTheYearTotal()
    {
        var enrolment = await StructuredData.EnrolmentAsync(app, 0, "office-surgery");
        var year = await CcamActsPageTests.YearAsync(app);
        using var client = await app.SignedInAsync("equipe@demo.benchmark.test");
        await CcamActsPageTests.SaveAsync(app, client, enrolment, CcamActsPageTests.Lines(("BJMA002", "40", "45", "60"), ("QZFA001", "10", "10", "")));
        var path = CcamActsPageTests.PathOf(enrolment) + "/export";

        var french = await client.GetAsync(new Uri(path + "?format=csv", UriKind.Relative));
        var international = await client.GetStringAsync(new Uri(path + "?format=csv-international", UriKind.Relative));
        var xlsx = await client.GetAsync(new Uri(path + "?format=xlsx", UriKind.Relative));

        var csv = Encoding.UTF8.GetString(await french.Content.ReadAsByteArrayAsync());
        Assert.Equal("text/csv", french.Content.Headers.ContentType?.MediaType);
        Assert.Equal('\uFEFF', csv[0]);
        Assert.Contains("Année;Code CCAM;Patients pris en charge;Actes réalisés;Volume contractualisé;Réalisé / contractualisé (%)", csv, StringComparison.Ordinal);
        Assert.Contains($"{year};BJMA002;40;45;60;75\r\n", csv, StringComparison.Ordinal);
        Assert.Contains($"{year};QZFA001;10;10;0;\r\n", csv, StringComparison.Ordinal);
        Assert.Contains($"{year};Total;50;55;60;91,7\r\n", csv, StringComparison.Ordinal);
        Assert.Contains($"{year},Total,50,55,60,91.7", international, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(new Uri(path + "?format=pdf", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Api_WhenLinesSaved_ThenYearsWithLinesAndTotalsAndNotFoundForAnotherTeam()
    {
        var enrolment = await StructuredData.EnrolmentAsync(app, 1, "office-surgery");
        var year = await CcamActsPageTests.YearAsync(app);
        using var client = await app.SignedInAsync("equipe2@demo.benchmark.test");
        using var other = await app.SignedInAsync("equipe@demo.benchmark.test");
        await CcamActsPageTests.SaveAsync(app, client, enrolment, CcamActsPageTests.Lines(("JKFE001", "30", "33", "40")));

        var response = await client.GetAsync(new Uri($"/api/enrolments/{enrolment}/ccam-acts", UriKind.Relative));
        var denied = await other.GetAsync(new Uri($"/api/enrolments/{enrolment}/ccam-acts", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var only = Assert.Single(json.RootElement.EnumerateArray().ToList());
        Assert.Equal(year, only.GetProperty("year").GetInt32());
        Assert.Equal(33, only.GetProperty("actsTotal").GetInt32());
        Assert.Equal(82.5m, only.GetProperty("ratio").GetDecimal());
        Assert.Equal("JKFE001", only.GetProperty("acts")[0].GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
    }
}
