using System.Net;
using System.Text.RegularExpressions;
using Benchmark.Core.Definitions;
using Benchmark.Web.Tests.Features.Sessions;
using Benchmark.Web.Tests.Infrastructure;
using Benchmark.Web.Tests.Infrastructure.Calendar;
using IcalCalendar = Ical.Net.Calendar;

namespace Benchmark.Web.Tests.Features.Agenda;

/// <summary>The private feed writes stored session text through the same path as invites: no event or attendee can be injected.</summary>
public sealed partial class CalendarFeedInjectionTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    private const string Consultant = "consultant@demo.benchmark.test";

    [Fact]
    public async Task Feed_WhenStoredTextCarriesCalendarLines_ThenTheSessionIsOneEventAndNothingIsInjected()
    {
        // Arrange
        var session = await app.WithServicesAsync(sp =>
            SessionSetup.ScheduleAsync(sp, Consultant, SessionKind.Collective, TimeProvider.System.GetUtcNow().AddDays(30)));
        await HostileSessionText.StoreAsync(app, session.Id);
        using var client = await app.SignedInAsync(Consultant);
        var token = await CreateFeedAsync(client);
        using var anonymous = app.Client();

        // Act
        using var response = await anonymous.GetAsync(new Uri($"/agenda/{token}.ics", UriKind.Relative));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ics = await response.Content.ReadAsStringAsync();
        var (exitCode, parsed, output) = await IcsValidator.ValidateAsync(ics, feed: true);
        Assert.True(exitCode == 0, output);
        var events = parsed.GetProperty("icaljs").GetProperty("events").EnumerateArray()
            .Select(e => (Uid: e.GetProperty("uid").GetString()!, Properties: e.GetProperty("properties").EnumerateArray().Select(p => p.GetString()!).ToList()))
            .ToList();
        var uids = events.Select(e => e.Uid).ToList();
        Assert.Single(uids, u => u == session.Uid);
        Assert.DoesNotContain(uids, u => u.Contains("evil", StringComparison.Ordinal));
        Assert.All(events, e => Assert.DoesNotContain("ATTENDEE", e.Properties));
        var nodeUids = parsed.GetProperty("nodeIcal").GetProperty("uids").EnumerateArray().Select(u => u.GetString()!);
        Assert.Equal(uids.Order(StringComparer.Ordinal), nodeUids.Order(StringComparer.Ordinal));
        var calendar = IcalCalendar.Load(ics)!;
        Assert.Equal(uids.Count, calendar.Events.Count);
        var mine = Assert.Single(calendar.Events, e => e.Uid == session.Uid);
        Assert.Equal(HostileSessionText.Lf(HostileSessionText.Location), mine.Location);
        Assert.StartsWith(HostileSessionText.Lf(HostileSessionText.Agenda), mine.Description, StringComparison.Ordinal);
    }

    private static async Task<string> CreateFeedAsync(HttpClient client)
    {
        var form = await RenderedForm.FromAsync(client, "/compte/agenda",
            f => f.GetAttribute("action")?.Contains("handler=Create", StringComparison.Ordinal) == true);
        using var response = await form.SubmitAsync(client);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var match = FeedUrl().Match(await response.Content.ReadAsStringAsync());
        Assert.True(match.Success, "The created feed URL is shown");
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"/agenda/([A-Za-z0-9_-]+)\.ics")]
    private static partial Regex FeedUrl();
}
