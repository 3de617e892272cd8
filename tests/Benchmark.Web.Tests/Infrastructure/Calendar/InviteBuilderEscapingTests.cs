using System.Text;
using System.Text.Json;
using Benchmark.Web.Infrastructure.Calendar;
using IcalCalendar = Ical.Net.Calendar;

namespace Benchmark.Web.Tests.Infrastructure.Calendar;

/// <summary>User text (titles, places, agendas, names) must come back exactly and never add a property.</summary>
public class InviteBuilderEscapingTests
{
    private const string Title = "Réunion \"COPIL\"; étape 1, 2 \\ fin\r\nATTENDEE:mailto:evil@example.test\r\nEND:VEVENT\r\nBEGIN:VEVENT";
    private const string Place = "Salle \"Pasteur\"; bât. B, 2e étage\\aile\nMETHOD:PUBLISH";
    private const string Agenda = "09:30 Accueil; café, thé\r\n10:00 « Revue » \"des\" actions \\ suites\rORGANIZER:mailto:evil@example.test\n\nFin";
    private const string NameWithoutSemicolon = "Dupont, \"Jean\" Élodie\r\nATTENDEE:mailto:evil@example.test ^ fin";
    private const string NameWithSemicolon = "Martin; \"Zoé\", RSVP=FALSE:mailto:evil@example.test";
    private const string OrganizerName = "Claire \"la consultante\"; ARS, Île-de-France";

    private static readonly string[] EventProperties =
        ["ATTENDEE", "ATTENDEE", "DESCRIPTION", "DTEND", "DTSTAMP", "DTSTART", "LOCATION", "ORGANIZER", "SEQUENCE", "STATUS", "SUMMARY", "UID", "URL"];

    private static readonly string[] CalendarProperties = ["METHOD", "PRODID", "VERSION"];
    private static readonly string[] Components = ["VTIMEZONE", "VEVENT"];

    private static InviteModel Hostile() =>
        InviteModels.Session(new DateTimeOffset(2027, 3, 26, 8, 30, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 1, 10, 0, 0, TimeSpan.Zero)) with
        {
            Summary = Title,
            Location = Place,
            Description = Agenda,
            Organizer = new InvitePerson(OrganizerName, "consultant@demo.benchmark.test"),
            Attendees =
            [
                new InviteAttendee(NameWithoutSemicolon, "equipe@demo.benchmark.test", AttendeeRole.Required),
                new InviteAttendee(NameWithSemicolon, "equipe2@demo.benchmark.test", AttendeeRole.Optional),
            ],
        };

    /// <summary>iCalendar has one line break, LF: CRLF and CR in user text come back as LF.</summary>
    private static string Lf(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static string ExpectedDescription => Lf(Agenda) + "\n\nLien de visioconférence : https://visio.benchmark.test/salle/j1?code=42";

    [Fact]
    public void Build_WhenTextIsHostile_ThenIcalNetReadsItBackExactlyWithNoExtraProperty()
    {
        var ics = InviteBuilder.Build(Hostile()).Ics;

        var calendar = IcalCalendar.Load(ics)!;
        var calendarEvent = Assert.Single(calendar.Events);
        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal(Lf(Title), calendarEvent.Summary);
        Assert.Equal(Lf(Place), calendarEvent.Location);
        Assert.Equal(ExpectedDescription, calendarEvent.Description);
        // Ical.Net does not decode RFC 6868 parameter values (^n ^' ^^): decode them here.
        Assert.Equal(Lf(OrganizerName), IcsText.DecodeParameter(calendarEvent.Organizer!.CommonName));
        Assert.Equal(
            [Lf(NameWithoutSemicolon), NameWithSemicolon],
            calendarEvent.Attendees.Select(a => IcsText.DecodeParameter(a.CommonName)));
        Assert.Equal(
            ["mailto:equipe@demo.benchmark.test", "mailto:equipe2@demo.benchmark.test"],
            calendarEvent.Attendees.Select(a => a.Value!.ToString()));
        // Ical.Net's property list breaks LINQ's indexed fast path: enumerate it.
        var names = new List<string>();
        foreach (var property in calendarEvent.Properties)
        {
            names.Add(property.Name.ToUpperInvariant());
        }

        Assert.Equal(EventProperties, names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Build_WhenTextIsHostile_ThenIcalJsAndNodeIcalReadItBackExactlyWithNoExtraProperty()
    {
        var ics = InviteBuilder.Build(Hostile()).Ics;

        var (exitCode, parsed, output) = await IcsValidator.ValidateAsync(ics);

        Assert.True(exitCode == 0, output);
        var icaljs = parsed.GetProperty("icaljs");
        Assert.Equal(CalendarProperties, Strings(icaljs, "calendarProperties").Order(StringComparer.Ordinal));
        Assert.Equal(Components, Strings(icaljs, "components"));
        Assert.Equal(EventProperties, Strings(icaljs, "eventProperties").Order(StringComparer.Ordinal));
        Assert.Equal("REQUEST", icaljs.GetProperty("method").GetString());
        Assert.Equal(Lf(Title), icaljs.GetProperty("summary").GetString());
        Assert.Equal(Lf(Place), icaljs.GetProperty("location").GetString());
        Assert.Equal(ExpectedDescription, icaljs.GetProperty("description").GetString());
        // ical.js decodes RFC 6868, so names come back whole, quotes and line breaks included.
        Assert.Equal(Lf(OrganizerName), icaljs.GetProperty("organizer").GetProperty("cn").GetString());
        var attendees = icaljs.GetProperty("attendees");
        Assert.Equal(2, attendees.GetArrayLength());
        Assert.Equal(Lf(NameWithoutSemicolon), attendees[0].GetProperty("cn").GetString());
        Assert.Equal(NameWithSemicolon, attendees[1].GetProperty("cn").GetString());
        Assert.Equal("mailto:equipe@demo.benchmark.test", attendees[0].GetProperty("value").GetString());
        Assert.Equal("mailto:equipe2@demo.benchmark.test", attendees[1].GetProperty("value").GetString());
        Assert.Equal("TRUE", attendees[1].GetProperty("rsvp").GetString());

        var nodeIcal = parsed.GetProperty("nodeIcal");
        Assert.Equal(1, nodeIcal.GetProperty("vevents").GetInt32());
        Assert.Equal("REQUEST", nodeIcal.GetProperty("method").GetString());
        Assert.Equal(Lf(Title), nodeIcal.GetProperty("summary").GetString());
        Assert.Equal(Lf(Place), nodeIcal.GetProperty("location").GetString());
        Assert.Equal(ExpectedDescription, nodeIcal.GetProperty("description").GetString());
        var nodeAttendees = nodeIcal.GetProperty("attendees");
        Assert.Equal(2, nodeAttendees.GetArrayLength());
        Assert.Equal("mailto:equipe@demo.benchmark.test", nodeAttendees[0].GetProperty("value").GetString());
        Assert.Equal("mailto:equipe2@demo.benchmark.test", nodeAttendees[1].GetProperty("value").GetString());
        // node-ical neither decodes RFC 6868 nor keeps a quoted ';' (see tests/ics-validator/README.md): the name
        // without ';' is checked after decoding; the other is only required not to have changed the address.
        Assert.Equal(Lf(NameWithoutSemicolon), IcsText.DecodeParameter(nodeAttendees[0].GetProperty("cn").GetString()));
    }

    [Fact]
    public async Task Build_WhenTheVisioUriHoldsALineBreak_ThenItIsWrittenEscapedAndAddsNoEventNorAttendee()
    {
        // Arrange: Uri accepts a line break and gives it back un-escaped from ToString(), which Ical.Net writes.
        var link = new Uri("https://visio.example/y\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:fake@evil\r\nATTENDEE:mailto:evil@example.test");
        var model = Hostile() with { VisioUrl = link };

        // Act
        var ics = InviteBuilder.Build(model).Ics;

        // Assert
        var (exitCode, parsed, output) = await IcsValidator.ValidateAsync(ics);
        Assert.True(exitCode == 0, output);
        var icaljs = parsed.GetProperty("icaljs");
        Assert.Single(icaljs.GetProperty("events").EnumerateArray());
        Assert.Equal(EventProperties, Strings(icaljs, "eventProperties").Order(StringComparer.Ordinal));
        Assert.Equal(link.AbsoluteUri, icaljs.GetProperty("url").GetString());
        Assert.StartsWith("https://visio.example/y%0D%0AEND:VEVENT", link.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(1, parsed.GetProperty("nodeIcal").GetProperty("vevents").GetInt32());
    }

    [Fact]
    public void Build_WhenTextIsHostile_ThenEveryLineIsCrlfTerminatedAndAtMost75Octets()
    {
        var ics = InviteBuilder.Build(Hostile()).Ics;

        Assert.EndsWith("\r\n", ics, StringComparison.Ordinal);
        var lines = ics[..^2].Split("\r\n");
        Assert.All(lines, line => Assert.DoesNotContain('\r', line));
        Assert.All(lines, line => Assert.DoesNotContain('\n', line));
        Assert.All(lines, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
        Assert.DoesNotContain(lines, line => line.StartsWith("ATTENDEE:", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.StartsWith("ORGANIZER:", StringComparison.Ordinal));
        Assert.Single(lines, line => line.StartsWith("METHOD", StringComparison.Ordinal));
        Assert.Single(lines, line => line == "BEGIN:VEVENT");
    }

    [Fact]
    public async Task Build_WhenTextIsLongWithAccentsAndEmoji_ThenFoldingKeepsCharactersWhole()
    {
        var title = string.Concat(Enumerable.Repeat("é😀ü", 40));
        var model = Hostile() with { Summary = title, Attendees = [new InviteAttendee(title, "equipe@demo.benchmark.test", AttendeeRole.Required)] };

        var ics = InviteBuilder.Build(model).Ics;

        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        Assert.All(ics.Split("\r\n"), line =>
        {
            Assert.True(strict.GetByteCount(line) <= 75, line);
        });
        var (exitCode, parsed, output) = await IcsValidator.ValidateAsync(ics);
        Assert.True(exitCode == 0, output);
        Assert.Equal(title, parsed.GetProperty("icaljs").GetProperty("summary").GetString());
        Assert.Equal(title, parsed.GetProperty("nodeIcal").GetProperty("summary").GetString());
        Assert.Equal(title, parsed.GetProperty("icaljs").GetProperty("attendees")[0].GetProperty("cn").GetString());
        Assert.Equal(title, Assert.Single(IcalCalendar.Load(ics)!.Events).Summary);
    }

    [Fact]
    public void Build_WhenTextHasControlCharacters_ThenTheyAreDropped()
    {
        var model = Hostile() with { Summary = "A\u0000B\u0007C\u001bD\tE", Location = "\u000bX" };

        var calendarEvent = Assert.Single(IcalCalendar.Load(InviteBuilder.Build(model).Ics)!.Events);

        Assert.Equal("ABCD\tE", calendarEvent.Summary);
        Assert.Equal("X", calendarEvent.Location);
    }

    private static IEnumerable<string> Strings(JsonElement element, string name) =>
        element.GetProperty(name).EnumerateArray().Select(e => e.GetString()!);
}
