using System.Net;
using System.Text.Json;
using Benchmark.Core.Domain;
using Benchmark.Core.Indicators;
using Benchmark.Data;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.Indicators;

/// <summary>
/// Security finding 5: a benchmark compared unsubmitted drafts, and an anonymised one of two establishments told each
/// the other's value. Only submitted or validated periods count, and fewer than three are withheld when anonymised.
/// </summary>
public sealed class BenchmarkAnonymityTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    private const string Indicator = "ipdms";

    [Fact]
    public async Task Benchmark_WhenTwoEstablishmentsSubmittedAndTheOthersHoldDrafts_ThenDraftsLeftOutAndTheAnonymisedViewWithheld()
    {
        // Arrange: a new bimonth where every establishment of the group has entered its figures, two have submitted.
        var (_, group, _) = await IndicatorWorld.EnrolmentAsync(app, 0);
        var (period, members) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            var ids = await db.Enrolments.IgnoreAutoIncludes().Where(e => e.GroupId == group && e.Status != EnrolmentStatus.Withdrawn)
                .OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
            var keys = await db.IndicatorValues.Where(v => ids.Contains(v.EnrolmentId) && v.IndicatorId == Indicator).Select(v => v.Period).Distinct().ToListAsync();
            var next = keys.Select(ReportingPeriod.TryParse).OfType<ReportingPeriod>().MaxBy(p => (p.Year, p.Index))!.Next();
            foreach (var (id, i) in ids.Select((id, i) => (id, i)))
            {
                db.IndicatorValues.Add(new IndicatorValue(Guid.CreateVersion7(), id, Indicator, next.Key, "journees_realisees", 80m + i, "test", DateTimeOffset.UnixEpoch));
                db.IndicatorValues.Add(new IndicatorValue(Guid.CreateVersion7(), id, Indicator, next.Key, "journees_attendues", 100m, "test", DateTimeOffset.UnixEpoch));
                if (i < 2)
                {
                    var report = new IndicatorPeriodReport(Guid.CreateVersion7(), id, next.Key);
                    Assert.True(report.Submit("test", DateTimeOffset.UnixEpoch).IsSuccess);
                    db.IndicatorPeriodReports.Add(report);
                }
            }

            await db.SaveChangesAsync();
            return (next, ids.Count);
        });
        using var admin = await app.SignedInAsync(IndicatorWorld.Admin);
        using var team = await app.SignedInAsync(IndicatorWorld.Team);

        // Act
        var named = await JsonAsync(admin, $"/api/groups/{group}/indicator-benchmark?indicatorId={Indicator}&period={period.Key}");
        var anonymised = await JsonAsync(admin, $"/api/groups/{group}/indicator-benchmark?indicatorId={Indicator}&period={period.Key}&anonymised=true");
        using var page = await team.GetAsync(new Uri($"/groupes/{group}/indicateurs?indicateur={Indicator}&periode={period.Key}", UriKind.Relative));
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());

        // Assert
        Assert.True(members >= 3, "the group has drafts beside the two submitted periods");
        Assert.Equal(2, named.GetProperty("entries").GetArrayLength());
        Assert.False(named.GetProperty("withheld").GetBoolean());
        Assert.Equal(0, anonymised.GetProperty("entries").GetArrayLength());
        Assert.True(anonymised.GetProperty("withheld").GetBoolean());
        Assert.Equal(JsonValueKind.Null, anonymised.GetProperty("median").ValueKind);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("pour préserver l'anonymat de chacun, la comparaison anonymisée n'est pas affichée", html, StringComparison.Ordinal);
        Assert.DoesNotContain("tableau-comparaison", html, StringComparison.Ordinal);
        Assert.DoesNotContain("tableau-distribution", html, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
