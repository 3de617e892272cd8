using System.Net;
using System.Text.RegularExpressions;
using Benchmark.Core.Definitions;
using Benchmark.Data;
using Benchmark.Web.Tests.Features.Sessions;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IcalCalendar = Ical.Net.Calendar;

namespace Benchmark.Web.Tests.Features.Agenda;

/// <summary>The personal feed lists the owner's deadlines as all-day events with stable UIDs, computed from their scope.</summary>
public sealed partial class CalendarFeedDeadlineTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    [Fact]
    public async Task Feed_WhenTeamMember_ThenOwnPhaseAndDeliverableDeadlinesAsAllDayEventsOnly()
    {
        var (mine, others) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            var user = await db.Users.Where(u => u.Email == "equipe@demo.benchmark.test").Select(u => u.Id).SingleAsync();
            var own = await db.TeamMembers.Where(m => m.UserId == user).Select(m => m.EnrolmentId).Distinct().ToListAsync();
            var other = await db.Enrolments.Where(e => !own.Contains(e.Id)).Select(e => e.Id).ToListAsync();
            return (own, other);
        });

        var ics = await FeedAsync("equipe@demo.benchmark.test");
        var calendar = IcalCalendar.Load(ics)!;

        var deliverables = calendar.Events.Where(e => e.Uid!.StartsWith("deliverable.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(deliverables);
        Assert.All(deliverables, e => Assert.Contains(mine, id => e.Uid!.StartsWith($"deliverable.{id:N}.", StringComparison.Ordinal)));
        Assert.DoesNotContain(calendar.Events, e => others.Any(id => e.Uid!.Contains($"{id:N}", StringComparison.Ordinal)));
        Assert.Contains(calendar.Events, e => e.Uid!.StartsWith("phase.", StringComparison.Ordinal));
        Assert.All(deliverables, e => Assert.False(e.DtStart!.HasTime));
        Assert.Matches(@"DTSTART;VALUE=DATE:\d{8}\r\n", ics);
        Assert.DoesNotContain(calendar.Events, e => e.Uid!.StartsWith("report.", StringComparison.Ordinal));
        Assert.Equal(calendar.Events.Count, calendar.Events.Select(e => e.Uid).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(ics.Split("BEGIN:VEVENT").Length, (await FeedAsync("equipe@demo.benchmark.test")).Split("BEGIN:VEVENT").Length);
    }

    [Fact]
    public async Task Feed_WhenConsultantHasSessionOwingReport_ThenReportDueDateListed()
    {
        var session = await app.WithServicesAsync(sp => SessionSetup.ScheduleAsync(
            sp, "consultant@demo.benchmark.test", SessionKind.Collective, TimeProvider.System.GetUtcNow().AddDays(20), programmeId: "gestion-flux-patients", withReport: true));

        var calendar = IcalCalendar.Load(await FeedAsync("consultant@demo.benchmark.test"))!;

        var report = Assert.Single(calendar.Events, e => e.Uid == $"report.{session.Id:N}@benchmark");
        var end = DateOnly.FromDateTime(Benchmark.Core.Scheduling.ParisTime.ToParis(session.EndUtc).DateTime);
        Assert.Equal(end.AddDays(7), DateOnly.FromDateTime(report.DtStart!.Value));
        Assert.Contains("Compte rendu à l'ARS", report.Summary, StringComparison.Ordinal);
        Assert.Equal($"/seances/{session.Id}/rapport-ars", report.Url!.AbsolutePath);
    }

    private async Task<string> FeedAsync(string email)
    {
        using var client = await app.SignedInAsync(email);
        using var created = await BenchmarkApp.PostFormAsync(client, "/compte/agenda?handler=Create", new Dictionary<string, string>(), "/compte/agenda");
        var token = FeedUrl().Match(await created.Content.ReadAsStringAsync()).Groups[1].Value;
        using var anonymous = app.Client();
        using var response = await anonymous.GetAsync(new Uri($"/agenda/{token}.ics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex(@"/agenda/([A-Za-z0-9_-]+)\.ics")]
    private static partial Regex FeedUrl();
}
