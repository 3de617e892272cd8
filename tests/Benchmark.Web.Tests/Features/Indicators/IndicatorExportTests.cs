using System.Net;
using System.Text;
using Benchmark.Core.Domain;
using Benchmark.Core.Indicators;
using Benchmark.Data;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.Indicators;

/// <summary>Indicator exports: French and international CSV, XLSX, formula-looking text neutralised, scope respected.</summary>
public sealed class IndicatorExportTests : IClassFixture<BenchmarkApp>
{
    private const string Hostile = "=HYPERLINK(\"http://x\";\"Clinique\")";

    private readonly BenchmarkApp _app;

    public IndicatorExportTests(BenchmarkApp app) => _app = app;

    /// <summary>An establishment whose name looks like a formula, enrolled in the group, with one period of IPDMS.</summary>
    private Task<Guid> AddHostileEnrolmentAsync(Guid wave, Guid group, bool submitted = true, decimal realised = 2950.5m) => _app.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<BenchmarkDbContext>();
        var agency = await db.Waves.Where(w => w.Id == wave).Select(w => w.AgencyId).SingleAsync();
        var used = await db.Establishments.Select(e => e.Finess).ToListAsync();
        var finess = Enumerable.Range(0, 1000).Select(i => "750000" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture))
            .First(f => Finess.IsValid(f) && !used.Contains(f));
        var x = Establishment.Create(Guid.CreateVersion7(), agency, finess, Hostile, "Paris", EstablishmentType.CentreHospitalier).Value;
        var enrolment = new Enrolment(Guid.CreateVersion7(), wave, group, x.Id);
        var now = DateTimeOffset.UnixEpoch;
        db.AddRange(x, enrolment);
        db.IndicatorValues.Add(new IndicatorValue(Guid.CreateVersion7(), enrolment.Id, "ipdms", "2030-B1", "journees_realisees", realised, "test", now));
        db.IndicatorValues.Add(new IndicatorValue(Guid.CreateVersion7(), enrolment.Id, "ipdms", "2030-B1", "journees_attendues", 3000m, "test", now));
        var report = new IndicatorPeriodReport(Guid.CreateVersion7(), enrolment.Id, "2030-B1");
        if (submitted)
        {
            Assert.True(report.Submit("test", now).IsSuccess);
        }

        db.IndicatorPeriodReports.Add(report);
        await db.SaveChangesAsync();
        return enrolment.Id;
    });

    [Fact]
    public async Task Export_WhenAdminDownloadsWaveCsv_ThenFrenchDialectAndFormulaTextNeutralised()
    {
        // Arrange
        var (_, group, wave) = await IndicatorWorld.EnrolmentAsync(_app, 0);
        await AddHostileEnrolmentAsync(wave, group);
        using var admin = await _app.SignedInAsync(IndicatorWorld.Admin);

        // Act
        var french = await admin.GetAsync(new Uri($"/vagues/{wave}/indicateurs/export?format=csv", UriKind.Relative));
        var international = await admin.GetAsync(new Uri($"/vagues/{wave}/indicateurs/export?format=csv-international", UriKind.Relative));
        var xlsx = await admin.GetAsync(new Uri($"/vagues/{wave}/indicateurs/export?format=xlsx", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.OK, french.StatusCode);
        var bytes = await french.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("\uFEFFÉtablissement;FINESS;Groupe;Indicateur", csv, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\";\"\"Clinique\"\")\"", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(";=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.Contains(";2950,5;0,98;ratio;", csv, StringComparison.Ordinal);
        Assert.Contains("Centre hospitalier de Port-Lumière", csv, StringComparison.Ordinal);
        var inter = await international.Content.ReadAsStringAsync();
        Assert.Contains(",2950.5,0.98,ratio,", inter, StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", inter, StringComparison.Ordinal);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal((byte)'P', (await xlsx.Content.ReadAsByteArrayAsync())[0]);
    }

    [Fact]
    public async Task Export_WhenAnotherEstablishmentHasOnlyADraft_ThenTheWaveExportLeavesItOut()
    {
        // Arrange: a period entered but never submitted.
        var (_, group, wave) = await IndicatorWorld.EnrolmentAsync(_app, 0);
        var draft = await AddHostileEnrolmentAsync(wave, group, submitted: false, realised: 1234.5m);
        using var admin = await _app.SignedInAsync(IndicatorWorld.Admin);

        // Act
        var csv = await admin.GetStringAsync(new Uri($"/vagues/{wave}/indicateurs/export?format=csv-international", UriKind.Relative));
        var api = await admin.GetStringAsync(new Uri($"/api/enrolments/{draft}/indicators", UriKind.Relative));
        var inputs = await admin.GetStringAsync(new Uri($"/api/enrolments/{draft}/indicator-inputs", UriKind.Relative));

        // Assert
        Assert.DoesNotContain("1234.5", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("2030-B1", api, StringComparison.Ordinal);
        Assert.DoesNotContain("2030-B1", inputs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_WhenTeamMemberDownloadsOwnEnrolment_ThenOnlyTheirEstablishmentAndOthersNotFound()
    {
        // Arrange
        var (mine, _, _) = await IndicatorWorld.EnrolmentAsync(_app, 0);
        var (theirs, _, _) = await IndicatorWorld.EnrolmentAsync(_app, 1);
        using var team = await _app.SignedInAsync(IndicatorWorld.Team);

        // Act
        var own = await team.GetStringAsync(new Uri($"/participations/{mine}/indicateurs/export?format=csv-international", UriKind.Relative));
        var other = await team.GetAsync(new Uri($"/participations/{theirs}/indicateurs/export?format=csv", UriKind.Relative));
        var unknown = await team.GetAsync(new Uri($"/participations/{mine}/indicateurs/export?format=pdf", UriKind.Relative));

        // Assert
        var lines = own.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length > 10);
        Assert.All(lines.Skip(1), l => Assert.StartsWith("Centre hospitalier de Port-Lumière,130781234,", l, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }
}
