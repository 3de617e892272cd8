using System.Net;
using Benchmark.Core.Domain;
using Benchmark.Core.Indicators;
using Benchmark.Data;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.Indicators;

/// <summary>
/// The outside probe's finding: one team member saving period 9999-B6 made every indicator page of the wave answer 500.
/// Saving such a period is refused, and one already stored breaks no page. Own app: the values are altered.
/// </summary>
public sealed class PeriodWindowTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    private const string FarPeriod = "9999-B6";

    [Fact]
    public async Task Pages_WhenAValueIsStoredForPeriod9999B6_ThenEveryIndicatorPageOfTheWaveAnswers200()
    {
        // Arrange
        var (enrolment, group, wave) = await IndicatorWorld.EnrolmentAsync(app, 0);
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            var now = TimeProvider.System.GetUtcNow();
            db.IndicatorValues.Add(new IndicatorValue(Guid.CreateVersion7(), enrolment, "ipdms", FarPeriod, "journees_realisees", 2950m, "test", now));
            db.IndicatorValues.Add(new IndicatorValue(Guid.CreateVersion7(), enrolment, "ipdms", FarPeriod, "journees_attendues", 3000m, "test", now));
            db.IndicatorPeriodReports.Add(new IndicatorPeriodReport(Guid.CreateVersion7(), enrolment, FarPeriod));
            return await db.SaveChangesAsync();
        });
        using var consultant = await app.SignedInAsync(await IndicatorWorld.ConsultantOfAsync(app, group));
        using var admin = await app.SignedInAsync(IndicatorWorld.Admin);
        string[] consultantPages =
        [
            $"/participations/{enrolment}/indicateurs",
            $"/participations/{enrolment}/indicateurs/graphiques",
            $"/participations/{enrolment}/indicateurs/fiche",
            $"/participations/{enrolment}/indicateurs/export?format=csv",
            $"/groupes/{group}/indicateurs",
        ];
        string[] adminPages =
        [
            $"/vagues/{wave}/indicateurs",
            $"/vagues/{wave}/indicateurs/suivi",
            $"/vagues/{wave}/indicateurs/export?format=csv",
        ];

        // Act
        var answers = new List<(string Page, HttpStatusCode Status)>();
        foreach (var (client, page) in consultantPages.Select(p => (consultant, p)).Concat(adminPages.Select(p => (admin, p))))
        {
            using var response = await client.GetAsync(new Uri(page, UriKind.Relative));
            answers.Add((page, response.StatusCode));
        }

        // Assert
        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.OK, $"{a.Page}: {(int)a.Status}"));
    }

    [Fact]
    public async Task Save_WhenPeriodIsOutsideTheWave_Then422FrenchMessageNamingTheRangeAndNothingStored()
    {
        // Arrange
        var (enrolment, _, _) = await IndicatorWorld.EnrolmentAsync(app, 0);
        using var team = await app.SignedInAsync(IndicatorWorld.Team);
        var form = await RenderedForm.FromAsync(team, $"/participations/{enrolment}/indicateurs/saisie?periode={FarPeriod}", f => f.Id == "saisie-indicateurs");
        form.Fill("Nombre de journées attendues", "3000");

        // Act
        using var response = await form.SubmitAsync(team, "Enregistrer le brouillon");

        // Assert
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Matches("La période novembre–décembre 9999 est en dehors du calendrier de la vague : "
            + "saisissez une période de [a-zé]+–[a-zéû]+ 20[0-9]{2} à [a-zé]+–[a-zéû]+ 20[0-9]{2}\\.", html);
        var stored = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            return (await db.IndicatorValues.CountAsync(v => v.Period == FarPeriod), await db.IndicatorPeriodReports.CountAsync(r => r.Period == FarPeriod));
        });
        Assert.Equal((0, 0), stored);
    }
}
