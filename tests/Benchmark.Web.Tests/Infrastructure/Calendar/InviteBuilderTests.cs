using System.Globalization;
using Benchmark.Web.Infrastructure.Calendar;
using Ical.Net.DataTypes;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using IcalCalendar = Ical.Net.Calendar;

namespace Benchmark.Web.Tests.Infrastructure.Calendar;

public class InviteBuilderTests
{
    private static readonly string[] ExpectedMethods = ["REQUEST", "REQUEST", "REQUEST", "CANCEL"];

    [Fact]
    public async Task Build_WhenSessionIsCreatedRescheduledTwiceAcrossSummerTimeThenCancelled_ThenEveryInviteIsValidAndRightInParis()
    {
        // Summer time starts on Sunday 28 March 2027: 09:30 in Paris is 08:30Z before, 07:30Z after.
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 10, 0, 0, TimeSpan.Zero));
        var steps = new (DateTimeOffset StartUtc, InviteMethod Method, string LocalStart)[]
        {
            (new DateTimeOffset(2027, 3, 26, 8, 30, 0, TimeSpan.Zero), InviteMethod.Request, "2027-03-26T09:30:00"), // Friday, winter time
            (new DateTimeOffset(2027, 3, 30, 7, 30, 0, TimeSpan.Zero), InviteMethod.Request, "2027-03-30T09:30:00"), // Tuesday, summer time
            (new DateTimeOffset(2027, 3, 25, 13, 0, 0, TimeSpan.Zero), InviteMethod.Request, "2027-03-25T14:00:00"), // back to winter time
            (new DateTimeOffset(2027, 3, 25, 13, 0, 0, TimeSpan.Zero), InviteMethod.Cancel, "2027-03-25T14:00:00"),
        };

        for (var sequence = 0; sequence < steps.Length; sequence++)
        {
            var (startUtc, method, localStart) = steps[sequence];
            var stamp = clock.GetUtcNow();
            var invite = InviteBuilder.Build(InviteModels.Session(startUtc, stamp, sequence, method));

            Assert.Equal(ExpectedMethods[sequence], invite.MethodName);
            Assert.Contains($"DTSTART;TZID=Europe/Paris:{localStart.Replace("-", "", StringComparison.Ordinal).Replace(":", "", StringComparison.Ordinal)}\r\n", invite.Ics, StringComparison.Ordinal);
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"DTSTAMP:{stamp.UtcDateTime:yyyyMMdd'T'HHmmss}Z\r\n"), invite.Ics, StringComparison.Ordinal);

            // Ical.Net reads back what was meant.
            var calendar = IcalCalendar.Load(invite.Ics)!;
            var calendarEvent = Assert.Single(calendar.Events);
            Assert.Equal(ExpectedMethods[sequence], calendar.Method);
            Assert.Equal(InviteBuilder.ProductId, calendar.ProductId);
            Assert.Equal("Europe/Paris", Assert.Single(calendar.TimeZones).TzId);
            Assert.Equal(InviteModels.Uid, calendarEvent.Uid);
            Assert.Equal(sequence, calendarEvent.Sequence);
            Assert.Equal(method == InviteMethod.Cancel ? "CANCELLED" : "CONFIRMED", calendarEvent.Status);
            Assert.Equal("Europe/Paris", calendarEvent.DtStart!.TzId);
            Assert.Equal(startUtc.UtcDateTime, calendarEvent.DtStart.AsUtc);
            Assert.Equal(startUtc.AddHours(2).UtcDateTime, calendarEvent.DtEnd!.AsUtc);
            Assert.True(calendarEvent.DtStamp!.IsUtc);
            Assert.Equal(stamp.UtcDateTime, calendarEvent.DtStamp.AsUtc);

            // ical.js (Thunderbird) and node-ical accept it and read the same UID, SEQUENCE, METHOD and start.
            var (exitCode, parsed, output) = await IcsValidator.ValidateAsync(invite.Ics);
            Assert.True(exitCode == 0, output);
            var icaljs = parsed.GetProperty("icaljs");
            var nodeIcal = parsed.GetProperty("nodeIcal");
            Assert.Equal(ExpectedMethods[sequence], icaljs.GetProperty("method").GetString());
            Assert.Equal(ExpectedMethods[sequence], nodeIcal.GetProperty("method").GetString());
            Assert.Equal(InviteModels.Uid, icaljs.GetProperty("uid").GetString());
            Assert.Equal(InviteModels.Uid, nodeIcal.GetProperty("uid").GetString());
            Assert.Equal(sequence, icaljs.GetProperty("sequence").GetInt32());
            Assert.Equal(sequence, nodeIcal.GetProperty("sequence").GetInt32());
            Assert.Equal(method == InviteMethod.Cancel ? "CANCELLED" : "CONFIRMED", icaljs.GetProperty("status").GetString());
            Assert.Equal(method == InviteMethod.Cancel ? "CANCELLED" : "CONFIRMED", nodeIcal.GetProperty("status").GetString());
            Assert.Equal("Europe/Paris", icaljs.GetProperty("startTzid").GetString());
            Assert.Equal(localStart, icaljs.GetProperty("startLocal").GetString());
            Assert.Equal(Iso(startUtc), icaljs.GetProperty("startUtc").GetString());
            Assert.Equal(Iso(startUtc), nodeIcal.GetProperty("startUtc").GetString());
            Assert.Equal(Iso(startUtc.AddHours(2)), icaljs.GetProperty("endUtc").GetString());
            Assert.Equal(Iso(startUtc.AddHours(2)), nodeIcal.GetProperty("endUtc").GetString());

            // The MIME method= is the ICS METHOD.
            var mixed = new Multipart("mixed");
            var alternative = new MultipartAlternative { new TextPart("plain") { Text = "Bonjour" }, new TextPart("html") { Text = "<p>Bonjour</p>" } };
            InviteMime.AddCalendarParts(mixed, alternative, invite);
            var calendarPart = alternative.OfType<TextPart>().Single(part => part.ContentType.MediaSubtype == "calendar");
            Assert.Equal(ExpectedMethods[sequence], calendarPart.ContentType.Parameters["method"]);

            clock.Advance(TimeSpan.FromDays(2));
        }
    }

    [Fact]
    public async Task Build_WhenAttendeesAndOrganizerAreSet_ThenTheyCarryCnRolePartstatAndRsvp()
    {
        var invite = InviteBuilder.Build(InviteModels.Session(new DateTimeOffset(2027, 6, 1, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 5, 1, 8, 0, 0, TimeSpan.Zero)));

        var calendarEvent = Assert.Single(IcalCalendar.Load(invite.Ics)!.Events);
        Assert.Equal("mailto:consultant@demo.benchmark.test", calendarEvent.Organizer!.Value!.ToString());
        Assert.Equal("Claire Consultante", calendarEvent.Organizer.CommonName);
        Assert.Collection(
            calendarEvent.Attendees,
            a => AssertAttendee(a, "mailto:equipe@demo.benchmark.test", "Équipe Hôpital A", "REQ-PARTICIPANT"),
            a => AssertAttendee(a, "mailto:referent@demo.benchmark.test", "Référent ARS", "OPT-PARTICIPANT"));

        var (exitCode, parsed, output) = await IcsValidator.ValidateAsync(invite.Ics);
        Assert.True(exitCode == 0, output);
        var attendees = parsed.GetProperty("icaljs").GetProperty("attendees");
        Assert.Equal(2, attendees.GetArrayLength());
        Assert.Equal("OPT-PARTICIPANT", attendees[1].GetProperty("role").GetString());
        Assert.Equal("NEEDS-ACTION", attendees[1].GetProperty("partstat").GetString());
        Assert.Equal("TRUE", attendees[1].GetProperty("rsvp").GetString());
    }

    [Fact]
    public async Task Build_WhenVisioLinkAndAddress_ThenLocationIsTheAddressAndTheLinkIsInUrlAndDescription()
    {
        var invite = InviteBuilder.Build(InviteModels.Session(new DateTimeOffset(2027, 6, 1, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 5, 1, 8, 0, 0, TimeSpan.Zero)));

        var (exitCode, parsed, output) = await IcsValidator.ValidateAsync(invite.Ics);
        Assert.True(exitCode == 0, output);
        var icaljs = parsed.GetProperty("icaljs");
        Assert.Equal("ARS Île-de-France, 13 rue du Landy, 93200 Saint-Denis", icaljs.GetProperty("location").GetString());
        Assert.Equal("https://visio.benchmark.test/salle/j1?code=42", icaljs.GetProperty("url").GetString());
        Assert.Equal(
            "09:30 Accueil\n10:00 Revue des actions\n\nLien de visioconférence : https://visio.benchmark.test/salle/j1?code=42",
            icaljs.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Build_WhenNoAddress_ThenLocationIsTheVisioLink()
    {
        var model = InviteModels.Session(new DateTimeOffset(2027, 6, 1, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 5, 1, 8, 0, 0, TimeSpan.Zero))
            with { Location = "  ", Description = null };

        var invite = InviteBuilder.Build(model);

        var (exitCode, parsed, output) = await IcsValidator.ValidateAsync(invite.Ics);
        Assert.True(exitCode == 0, output);
        var icaljs = parsed.GetProperty("icaljs");
        Assert.Equal("https://visio.benchmark.test/salle/j1?code=42", icaljs.GetProperty("location").GetString());
        Assert.Equal("Lien de visioconférence : https://visio.benchmark.test/salle/j1?code=42", icaljs.GetProperty("description").GetString());
    }

    [Fact]
    public void Build_WhenNoVisioLink_ThenNoUrlAndNoVisioLine()
    {
        var model = InviteModels.Session(new DateTimeOffset(2027, 6, 1, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 5, 1, 8, 0, 0, TimeSpan.Zero))
            with { VisioUrl = null };

        var calendarEvent = Assert.Single(IcalCalendar.Load(InviteBuilder.Build(model).Ics)!.Events);

        Assert.Null(calendarEvent.Url);
        Assert.Equal("09:30 Accueil\n10:00 Revue des actions", calendarEvent.Description);
        Assert.Equal("ARS Île-de-France, 13 rue du Landy, 93200 Saint-Denis", calendarEvent.Location);
    }

    [Fact]
    public void Build_WhenCalledTwiceOrUnderAnotherCulture_ThenTheTextIsTheSame()
    {
        var model = InviteModels.Session(new DateTimeOffset(2027, 3, 26, 8, 30, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 1, 10, 0, 0, TimeSpan.Zero));
        var first = InviteBuilder.Build(model).Ics;

        var culture = CultureInfo.CurrentCulture;
        try
        {
            // th-TH counts years in the Buddhist era: a culture-dependent format would write 2570.
            CultureInfo.CurrentCulture = new CultureInfo("th-TH");
            Assert.Equal(first, InviteBuilder.Build(model).Ics);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        Assert.Equal(first, InviteBuilder.Build(model).Ics);
    }

    [Theory]
    [InlineData("equipe@demo.benchmark.test\r\nATTENDEE:mailto:evil@example.test")]
    [InlineData("equipe@demo.benchmark.test;RSVP=FALSE")]
    [InlineData("Equipe <equipe@demo.benchmark.test>")]
    [InlineData("")]
    [InlineData("sans-arobase")]
    public void Build_WhenAnAttendeeAddressIsNotAPlainAddress_ThenItThrows(string email)
    {
        var model = InviteModels.Session(new DateTimeOffset(2027, 6, 1, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 5, 1, 8, 0, 0, TimeSpan.Zero))
            with { Attendees = [new InviteAttendee("X", email, AttendeeRole.Required)] };

        Assert.Throws<ArgumentException>(() => InviteBuilder.Build(model));
    }

    [Fact]
    public void Build_WhenTheModelCannotBeAnInvite_ThenItThrows()
    {
        var model = InviteModels.Session(new DateTimeOffset(2027, 6, 1, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 5, 1, 8, 0, 0, TimeSpan.Zero));

        Assert.Throws<ArgumentException>(() => InviteBuilder.Build(model with { EndUtc = model.StartUtc }));
        Assert.Throws<ArgumentException>(() => InviteBuilder.Build(model with { Sequence = -1 }));
        Assert.Throws<ArgumentException>(() => InviteBuilder.Build(model with { Uid = "\r\n" }));
        Assert.Throws<ArgumentException>(() => InviteBuilder.Build(model with { Attendees = [] }));
        Assert.Throws<ArgumentException>(() => InviteBuilder.Build(model with { VisioUrl = new Uri("javascript:alert(1)") }));
        Assert.Throws<ArgumentException>(() => InviteBuilder.Build(model with { Organizer = new InvitePerson("O", "o@x.fr\nX-EVIL:1") }));
    }

    private static void AssertAttendee(Attendee attendee, string value, string name, string role)
    {
        Assert.Equal(value, attendee.Value!.ToString());
        Assert.Equal(name, attendee.CommonName);
        Assert.Equal(role, attendee.Role);
        Assert.Equal("NEEDS-ACTION", attendee.ParticipationStatus);
        Assert.True(attendee.Rsvp);
    }

    private static string Iso(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
