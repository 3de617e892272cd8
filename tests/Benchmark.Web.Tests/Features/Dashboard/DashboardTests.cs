using System.Text.RegularExpressions;
using Benchmark.Data;
using Benchmark.Data.Identity;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.Dashboard;

/// <summary>Each role's section of /tableau-de-bord on the seeded demo, checked against the database.</summary>
public sealed partial class DashboardTests : IClassFixture<BenchmarkApp>
{
    private readonly BenchmarkApp _app;

    public DashboardTests(BenchmarkApp app) => _app = app;

    [Fact]
    public async Task Dashboard_WhenArsAdmin_ThenOneRowPerEnrolmentOfTheAgencyByWaveAndGroup()
    {
        using var client = await _app.SignedInAsync("admin@demo.benchmark.test");

        var html = await client.GetStringAsync(new Uri("/tableau-de-bord", UriKind.Relative));

        var expected = await _app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            return (
                Enrolments: await db.Enrolments.Select(e => e.Id).ToListAsync(),
                Groups: await db.Groups.Select(g => g.Id).ToListAsync(),
                Waves: await db.Waves.Select(w => w.Id).ToListAsync());
        });
        Assert.Contains("Suivi des vagues", html, StringComparison.Ordinal);
        Assert.Equal(expected.Enrolments.Order(), RowIds(html).Order());
        Assert.Equal(expected.Groups.Order(), GroupIds(html).Order());
        Assert.Equal(expected.Waves.Order(), Regex.Matches(html, "data-wave=\"([^\"]+)\"").Select(m => Guid.Parse(m.Groups[1].Value)).Order());
        Assert.DoesNotContain("Mes groupes", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_WhenArsAdmin_ThenRowShowsCurrentPhaseProgressAndNextSession()
    {
        var (enrolmentId, firstPhase) = await _app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            var enrolment = await db.Enrolments.AsNoTracking().OrderBy(e => e.Id).FirstAsync();
            var wave = await db.Waves.SingleAsync(w => w.Id == enrolment.WaveId);
            var definition = (await db.ProgrammeDefinitions.SingleAsync(d => d.Id == wave.DefinitionId)).Parse();
            return (enrolment.Id, definition.Phases[0].Title);
        });
        using var client = await _app.SignedInAsync("admin@demo.benchmark.test");

        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/tableau-de-bord", UriKind.Relative)));

        // Demo enrolments are started and nothing is done yet: first phase, 0 %, a dated next session, nothing late.
        var row = Regex.Match(html, $"<tr data-enrolment=\"{enrolmentId}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains($"href=\"/parcours/{enrolmentId}\"", row, StringComparison.Ordinal);
        Assert.Contains($"<td>{firstPhase}</td>", row, StringComparison.Ordinal);
        Assert.Contains("<progress", row, StringComparison.Ordinal);
        Assert.Contains("0 %", row, StringComparison.Ordinal);
        Assert.Matches("<time datetime=\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}\">", row);
        Assert.DoesNotContain("en retard", row, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("consultant@demo.benchmark.test")]
    [InlineData("consultant2@demo.benchmark.test")]
    public async Task Dashboard_WhenConsultant_ThenOnlyTheirGroupsEstablishments(string email)
    {
        using var client = await _app.SignedInAsync(email);

        var html = await client.GetStringAsync(new Uri("/tableau-de-bord", UriKind.Relative));

        var expected = await _app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
            return await db.Enrolments.Where(e => db.Groups.Any(g => g.Id == e.GroupId && g.ConsultantId == user!.Id)).Select(e => e.Id).ToListAsync();
        });
        Assert.Contains("Mes groupes", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Suivi des vagues", html, StringComparison.Ordinal);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(), JourneyLinks(html).Distinct().Order());
    }

    [Fact]
    public async Task Dashboard_WhenConsultant_ThenTenNextSessionsInDateOrder()
    {
        using var client = await _app.SignedInAsync("consultant@demo.benchmark.test");

        var html = await client.GetStringAsync(new Uri("/tableau-de-bord", UriKind.Relative));

        var table = html[html.IndexOf("Mes 10 prochaines séances", StringComparison.Ordinal)..];
        var dates = Regex.Matches(table, "<time datetime=\"([^\"]+)\"").Select(m => DateTimeOffset.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(10, dates.Count);
        Assert.Equal(dates.Order(), dates);
        Assert.All(dates, d => Assert.True(d > TimeProvider.System.GetUtcNow().AddMinutes(-5)));
    }

    [Fact]
    public async Task Dashboard_WhenTeamMember_ThenOnlyTheirEstablishmentWithPhaseNextItemsSessionsAndDeliverables()
    {
        using var client = await _app.SignedInAsync("equipe@demo.benchmark.test");

        var html = await client.GetStringAsync(new Uri("/tableau-de-bord", UriKind.Relative));

        var expected = await _app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync("equipe@demo.benchmark.test");
            return await db.Enrolments.Where(e => db.TeamMembers.Any(m => m.EnrolmentId == e.Id && m.UserId == user!.Id)).Select(e => e.Id).ToListAsync();
        });
        Assert.Equal(5, expected.Count);
        Assert.Equal(expected.Order(), JourneyLinks(html).Distinct().Order());
        Assert.Contains("Mon équipe projet", html, StringComparison.Ordinal);
        Assert.Contains("Centre hospitalier de Port-Lumière", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Clinique des Calanques bleues", html, StringComparison.Ordinal);
        Assert.Contains("Phase en cours", html, StringComparison.Ordinal);
        Assert.Contains("Les 5 prochaines échéances", html, StringComparison.Ordinal);
        Assert.Contains("Nos séances", html, StringComparison.Ordinal);
        Assert.Contains("À déposer", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Suivi des vagues", html, StringComparison.Ordinal);
    }

    private static IEnumerable<Guid> JourneyLinks(string html) =>
        JourneyLinkRegex().Matches(html).Select(m => Guid.Parse(m.Groups[1].Value));

    private static IEnumerable<Guid> RowIds(string html) =>
        Regex.Matches(html, "<tr data-enrolment=\"([^\"]+)\"").Select(m => Guid.Parse(m.Groups[1].Value));

    private static IEnumerable<Guid> GroupIds(string html) =>
        Regex.Matches(html, "data-group=\"([^\"]+)\"").Select(m => Guid.Parse(m.Groups[1].Value));

    [GeneratedRegex("href=\"/parcours/([0-9a-f-]{36})\"")]
    private static partial Regex JourneyLinkRegex();
}
