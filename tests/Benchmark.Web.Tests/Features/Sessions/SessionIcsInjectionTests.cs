using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Web.Tests.Infrastructure;
using Benchmark.Web.Tests.Infrastructure.Calendar;
using IcalCalendar = Ical.Net.Calendar;

namespace Benchmark.Web.Tests.Features.Sessions;

/// <summary>
/// The outside probe's iCalendar injection: a visio link (or place, or agenda) carrying CRLF + END:VEVENT/BEGIN:VEVENT
/// is refused by the form, and text already stored that way never adds an event or an attendee to an invite.
/// Own app: the sessions are altered.
/// </summary>
public sealed class SessionIcsInjectionTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    private const string Consultant = "consultant@demo.benchmark.test";
    private const string Refused = "Le lien de visioconférence doit être une adresse web complète (https://…)";

    [Fact]
    public async Task Reschedule_WhenVisioLinkCarriesCalendarLines_Then422FrenchErrorOnTheFieldAndNothingChanged()
    {
        // Arrange
        var session = await ScheduleAsync(0);
        using var client = await app.SignedInAsync(Consultant);
        var form = await RenderedForm.FromAsync(client, $"/seances/{session.Id}", IsHandler("Reschedule"));
        form.Fill("Lien de visioconférence", HostileSessionText.VisioUrl);

        // Act
        using var response = await form.SubmitAsync(client);

        // Assert
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.StartsWith(Refused, page.GetElementById("visio-erreur")?.TextContent.Trim(), StringComparison.Ordinal);
        var input = (IHtmlInputElement)page.GetElementById("visio")!;
        Assert.Equal("visio-erreur", input.GetAttribute("aria-describedby"));
        Assert.Contains("END:VEVENT", input.Value, StringComparison.Ordinal);
        var (after, rows) = await app.WithServicesAsync(sp => SessionSetup.StateAsync(sp, session.Id));
        Assert.Equal(session.Sequence, after.Sequence);
        Assert.Equal(session.StartUtc, after.StartUtc);
        Assert.Null(after.VisioUrl);
        Assert.Empty(rows);
    }

    [Fact]
    public async Task AddParticipant_WhenStoredTextCarriesCalendarLines_ThenEveryInviteHoldsOneEventAndOnlyItsAttendees()
    {
        // Arrange
        var session = await ScheduleAsync(1);
        await HostileSessionText.StoreAsync(app, session.Id);
        using var client = await app.SignedInAsync(Consultant);
        var form = await RenderedForm.FromAsync(client, $"/seances/{session.Id}", IsHandler("AddParticipant"));
        form.Fill("Nom", "Inès Invitée").Fill("Adresse électronique", "ines.invitee@exemple.fr");

        // Act
        using var response = await form.SubmitAsync(client);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (after, rows) = await app.WithServicesAsync(sp => SessionSetup.StateAsync(sp, session.Id));
        var invites = rows.Where(r => r.IdempotencyKey.StartsWith($"invite:{session.Id}:{after.Sequence}:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(invites);
        var ics = Ics(Assert.Single(invites, r => r.Recipient == "ines.invitee@exemple.fr"));
        var (exitCode, parsed, output) = await IcsValidator.ValidateAsync(ics);
        Assert.True(exitCode == 0, output);
        var icaljs = parsed.GetProperty("icaljs");
        var calendarEvent = Assert.Single(icaljs.GetProperty("events").EnumerateArray());
        Assert.Equal(after.Uid, calendarEvent.GetProperty("uid").GetString());
        var attendees = icaljs.GetProperty("attendees").EnumerateArray().Select(a => a.GetProperty("value").GetString()).ToList();
        Assert.Equal(invites.Count, attendees.Count);
        Assert.DoesNotContain($"mailto:{HostileSessionText.Evil}", attendees);
        Assert.Equal(HostileSessionText.Lf(HostileSessionText.Location), icaljs.GetProperty("location").GetString());
        Assert.StartsWith(HostileSessionText.Lf(HostileSessionText.Agenda), icaljs.GetProperty("description").GetString(), StringComparison.Ordinal);
        var nodeIcal = parsed.GetProperty("nodeIcal");
        Assert.Equal(1, nodeIcal.GetProperty("vevents").GetInt32());
        Assert.Equal(after.Uid, nodeIcal.GetProperty("uid").GetString());
        Assert.Equal(after.Uid, Assert.Single(IcalCalendar.Load(ics)!.Events).Uid);
        Assert.All(invites, r => Assert.DoesNotContain("evil", UidLines(Ics(r)), StringComparison.Ordinal));
    }

    private Task<Session> ScheduleAsync(int index) => app.WithServicesAsync(sp =>
        SessionSetup.ScheduleAsync(sp, Consultant, SessionKind.Collective, TimeProvider.System.GetUtcNow().AddDays(30), index));

    private static Func<IHtmlFormElement, bool> IsHandler(string handler) =>
        f => f.GetAttribute("action")?.Contains($"handler={handler}", StringComparison.Ordinal) == true;

    private static string Ics(OutboxMessage row) => (string)JsonNode.Parse(row.Payload)!["ics"]!;

    /// <summary>Every UID line of the unfolded ICS, joined: a second, injected event would add its own.</summary>
    private static string UidLines(string ics) => string.Join('|', ics.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n")
        .Where(l => l.StartsWith("UID", StringComparison.Ordinal)));
}
