using System.Net;
using System.Text.Json;
using Benchmark.Core.Domain;
using Benchmark.Core.Indicators;
using Benchmark.Web.Features.Demo;
using Benchmark.Web.Tests.Features.Deliverables;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Tests.Features.Indicators;

/// <summary>
/// Which period a benchmark shows, now that only that period's inputs are read: the newest one whose values compute
/// (a newer, half-entered bimonth is listed but not chosen), or the asked one, each value computed from its own inputs.
/// </summary>
public sealed class BenchmarkPeriodTests : IClassFixture<BenchmarkApp>
{
    private readonly BenchmarkApp _app;

    public BenchmarkPeriodTests(BenchmarkApp app) => _app = app;

    [Fact]
    public Task Benchmark_WhenNewestBimonthHalfEntered_ThenNewestComputablePeriodShownAndEachValueFromItsOwnInputs() =>
        BenchmarkPeriodScenario.RunAsync(_app);
}

/// <summary>The same on PostgreSQL, whose SQL for the period keys, the period's inputs and the names differs from SQLite's.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class BenchmarkPeriodPostgresTests(PostgresFixture postgres)
{
    [PostgresFact]
    public async Task Benchmark_WhenNewestBimonthHalfEnteredOnPostgres_ThenNewestComputablePeriodShownAndEachValueFromItsOwnInputs()
    {
        await using var app = await PostgresDemoApp.StartAsync(postgres, GetType());
        await BenchmarkPeriodScenario.RunAsync(app.Factory);
    }
}

internal static class BenchmarkPeriodScenario
{
    private const string Indicator = "ipdms";

    public static async Task RunAsync(WebApplicationFactory<Program> app)
    {
        // Arrange: the newest bimonth holding IPDMS inputs in Port-Lumière's group, then a newer one where every
        // establishment has entered the numerator only (not computable yet).
        var (group, wave, complete, expected) = await DeliverableScenario.WithDbAsync(app, async db =>
        {
            var finess = DemoSeeder.DemoFiness[0];
            var enrolment = await db.Enrolments.IgnoreAutoIncludes()
                .Where(e => db.Establishments.Any(x => x.Id == e.EstablishmentId && x.Finess == finess)
                    && db.Waves.Any(w => w.Id == e.WaveId && db.ProgrammeDefinitions.Any(d => d.Id == w.DefinitionId && d.ProgrammeId == "gestion-flux-patients")))
                .SingleAsync();
            var members = await db.Enrolments.IgnoreAutoIncludes().Where(e => e.GroupId == enrolment.GroupId).Select(e => e.Id).ToListAsync();
            var inputs = await db.IndicatorValues.AsNoTracking().Where(v => members.Contains(v.EnrolmentId) && v.IndicatorId == Indicator).ToListAsync();
            var newest = inputs.Select(v => ReportingPeriod.TryParse(v.Period)!).MaxBy(p => (p.Year, p.Index))!;
            var values = inputs.Where(v => v.Period == newest.Key).GroupBy(v => v.EnrolmentId)
                .Select(g => (Realised: g.SingleOrDefault(v => v.InputId == "journees_realisees")?.Value, Expected: g.SingleOrDefault(v => v.InputId == "journees_attendues")?.Value))
                .Where(x => x.Realised is not null && x.Expected is > 0)
                .Select(x => Math.Round(x.Realised!.Value / x.Expected!.Value, 2, MidpointRounding.AwayFromZero))
                .Order().ToList();
            foreach (var member in members)
            {
                db.IndicatorValues.Add(new IndicatorValue(Guid.CreateVersion7(), member, Indicator, newest.Next().Key, "journees_realisees", 1234m, "test", DateTimeOffset.UnixEpoch));
            }

            await db.SaveChangesAsync();
            return (enrolment.GroupId, enrolment.WaveId, newest, values);
        });
        var partial = complete.Next();
        using var admin = await DeliverableScenario.SignedInAsync(app, IndicatorWorld.Admin);

        // Act
        var shown = await JsonAsync(admin, $"/api/groups/{group}/indicator-benchmark?indicatorId={Indicator}");
        var asked = await JsonAsync(admin, $"/api/groups/{group}/indicator-benchmark?indicatorId={Indicator}&period={partial.Key}");
        var page = await HtmlAsync(admin, $"/groupes/{group}/indicateurs?indicateur={Indicator}");
        var wavePage = await HtmlAsync(admin, $"/vagues/{wave}/indicateurs?indicateur={Indicator}");

        // Assert
        Assert.NotEmpty(expected);
        Assert.Equal(complete.Key, shown.GetProperty("period").GetString());
        Assert.Equal(expected, shown.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("value").GetDecimal()).Order());
        Assert.Equal(partial.Key, asked.GetProperty("period").GetString());
        Assert.Empty(asked.GetProperty("entries").EnumerateArray());
        Assert.Equal(shown.GetProperty("compared").GetInt32(), asked.GetProperty("compared").GetInt32());
        foreach (var html in new[] { page, wavePage })
        {
            Assert.Contains($"— {complete.Title}</h2>", html, StringComparison.Ordinal);
            Assert.Contains($"<option value=\"{partial.Key}\">{partial.Title}</option>", html, StringComparison.Ordinal);
            Assert.Contains($"<option value=\"{complete.Key}\" selected=\"selected\">{complete.Title}</option>", html, StringComparison.Ordinal);
        }
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static async Task<string> HtmlAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
