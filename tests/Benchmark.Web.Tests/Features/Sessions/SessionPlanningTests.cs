using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Benchmark.Web.Infrastructure.Mail;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Benchmark.Web.Tests.Features.Sessions;

public sealed class SessionPlanningTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    private const string Consultant = "consultant@demo.benchmark.test";

    [Fact]
    public async Task Schedule_WhenConsultantOfGroup_ThenScheduledInvitesThenRescheduleAndCancelBumpSequence()
    {
        var session = await PlannedSessionOfAsync(Consultant, 0);
        var client = await app.SignedInAsync(Consultant);
        var page = await client.GetStringAsync(new Uri($"/seances/{session.Id}", UriKind.Relative));
        Assert.Contains("Programmer la séance", page, StringComparison.Ordinal);
        var date = FutureDate(40);

        var response = await PostAsync(client, session.Id, "Schedule", Slot(date, "09:30", "Salle Ravel, 3 rue de l'Hôpital, Lyon", ""));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (scheduled, rows) = await StateAsync(session.Id);
        Assert.Equal(SessionStatus.Scheduled, scheduled.Status);
        Assert.Equal(0, scheduled.Sequence);
        var participants = await ParticipantEmailsAsync(scheduled);
        var first = rows.Where(r => r.IdempotencyKey.StartsWith($"invite:{session.Id}:0:", StringComparison.Ordinal)).ToList();
        Assert.Equal(participants.Order(StringComparer.Ordinal), first.Select(r => r.Recipient.ToLowerInvariant()).Order(StringComparer.Ordinal));
        Assert.All(first, r => Assert.Equal("session-invite", r.Kind));
        var ics = Ics(first[0]);
        Assert.Contains("METHOD:REQUEST", ics, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:0", ics, StringComparison.Ordinal);
        Assert.Contains($"UID:{scheduled.Uid}", Unfold(ics), StringComparison.Ordinal);
        Assert.Contains($"DTSTART;TZID=Europe/Paris:{date:yyyyMMdd}T093000", ics, StringComparison.Ordinal);
        Assert.StartsWith("Invitation : ", first[0].Subject, StringComparison.Ordinal);
        Assert.Equal(ParisTime.ToUtc(date, new TimeOnly(9, 30)), scheduled.StartUtc);

        var later = FutureDate(47);
        response = await PostAsync(client, session.Id, "Reschedule", Slot(later, "14:00", "", "https://visio.exemple.fr/salle-42"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        (scheduled, rows) = await StateAsync(session.Id);
        Assert.Equal(1, scheduled.Sequence);
        Assert.Equal(scheduled.Uid, $"{session.Id:N}@benchmark");
        var second = rows.Where(r => r.IdempotencyKey.StartsWith($"invite:{session.Id}:1:", StringComparison.Ordinal)).ToList();
        Assert.Equal(participants.Count, second.Count);
        Assert.All(second, r => Assert.StartsWith("Modification : ", r.Subject, StringComparison.Ordinal));
        Assert.Contains("nouvelle date", second[0].Subject, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:1", Ics(second[0]), StringComparison.Ordinal);
        Assert.Contains($"DTSTART;TZID=Europe/Paris:{later:yyyyMMdd}T140000", Ics(second[0]), StringComparison.Ordinal);
        Assert.Contains("https://visio.exemple.fr/salle-42", second[0].Payload, StringComparison.Ordinal);

        response = await PostAsync(client, session.Id, "Cancel", new Dictionary<string, string> { ["Reason"] = "Intervenant indisponible" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        (scheduled, rows) = await StateAsync(session.Id);
        Assert.Equal(SessionStatus.Cancelled, scheduled.Status);
        var third = rows.Where(r => r.IdempotencyKey.StartsWith($"invite:{session.Id}:2:", StringComparison.Ordinal)).ToList();
        Assert.Equal(participants.Count, third.Count);
        Assert.All(third, r => Assert.StartsWith("Annulation : ", r.Subject, StringComparison.Ordinal));
        Assert.Contains("METHOD:CANCEL", Ics(third[0]), StringComparison.Ordinal);
        Assert.Contains("STATUS:CANCELLED", Ics(third[0]), StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:2", Ics(third[0]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_WhenDateInPast_ThenFrenchErrorAndNothingSavedNorQueued()
    {
        var session = await PlannedSessionOfAsync(Consultant, 1);
        var client = await app.SignedInAsync(Consultant);

        var response = await PostAsync(client, session.Id, "Schedule", Slot(FutureDate(-3), "09:30", "Salle 1", ""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("La date de début est passée", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var (after, rows) = await StateAsync(session.Id);
        Assert.Equal(SessionStatus.Planned, after.Status);
        Assert.Equal(session.StartUtc, after.StartUtc);
        Assert.Empty(rows);
    }

    [Fact]
    public async Task Schedule_WhenVisioLinkNotHttps_ThenFrenchErrorAndNothingQueued()
    {
        var session = await PlannedSessionOfAsync(Consultant, 1);
        var client = await app.SignedInAsync(Consultant);

        var response = await PostAsync(client, session.Id, "Schedule", Slot(FutureDate(30), "09:30", "", "http://visio.exemple.fr/x"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("https://", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var (after, rows) = await StateAsync(session.Id);
        Assert.Equal(SessionStatus.Planned, after.Status);
        Assert.Empty(rows);
    }

    [Fact]
    public async Task GetAndPost_WhenConsultantOfAnotherGroup_Then404()
    {
        var session = await PlannedSessionOfAsync(Consultant, 2);
        var other = await app.SignedInAsync("consultant2@demo.benchmark.test");
        var mine = await app.SignedInAsync(Consultant);

        var get = await other.GetAsync(new Uri($"/seances/{session.Id}", UriKind.Relative));
        var post = await BenchmarkApp.PostFormAsync(other, $"/seances/{session.Id}?handler=Schedule", Slot(FutureDate(30), "09:30", "Salle 1", ""), formPage: "/tableau-de-bord");

        Assert.Equal(HttpStatusCode.OK, (await mine.GetAsync(new Uri($"/seances/{session.Id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(SessionStatus.Planned, (await StateAsync(session.Id)).Session.Status);
    }

    [Fact]
    public async Task Get_WhenTeamMember_ThenOwnGroupSessionReadOnlyAndOtherEstablishmentIndividual404()
    {
        const string team = "equipe@demo.benchmark.test";
        var (own, foreign) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            var userId = await db.Users.Where(u => u.Email == team).Select(u => u.Id).SingleAsync();
            var enrolmentId = await db.TeamMembers.Where(m => m.UserId == userId).Select(m => m.EnrolmentId).FirstAsync();
            var groupId = await db.Enrolments.Where(e => e.Id == enrolmentId).Select(e => e.GroupId).SingleAsync();
            var collective = await db.Sessions.Where(s => s.GroupId == groupId && s.EnrolmentId == null).Select(s => s.Id).FirstAsync();
            var individual = await db.Sessions.Where(s => s.EnrolmentId != null && s.EnrolmentId != enrolmentId
                && !db.TeamMembers.Any(m => m.EnrolmentId == s.EnrolmentId && m.UserId == userId)).Select(s => s.Id).FirstAsync();
            return (collective, individual);
        });
        var client = await app.SignedInAsync(team);

        var dashboard = await client.GetStringAsync(new Uri("/tableau-de-bord", UriKind.Relative));
        var response = await client.GetAsync(new Uri($"/seances/{own}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("href=\"/seances/", dashboard, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Participants de la séance", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"StartTime\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Reason\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/seances/{foreign}", UriKind.Relative))).StatusCode);
        var post = await BenchmarkApp.PostFormAsync(client, $"/seances/{own}?handler=Cancel", new Dictionary<string, string> { ["Reason"] = "x" }, formPage: $"/seances/{own}");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    [Fact]
    public async Task Dispatch_WhenSessionScheduled_ThenEmlHasCalendarRequestPartAndIcsAttachment()
    {
        var session = await PlannedSessionOfAsync(Consultant, 3);
        var client = await app.SignedInAsync(Consultant);
        var response = await PostAsync(client, session.Id, "Schedule", Slot(FutureDate(60), "10:00", "Salle « Été », Lyon", "https://visio.exemple.fr/abc"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var row = (await StateAsync(session.Id)).Rows.First();

        var path = await app.WithServicesAsync(async sp =>
        {
            await sp.GetRequiredService<OutboxDispatcher>().DispatchAsync();
            return Path.Combine(sp.GetRequiredService<IOptions<MailOptions>>().Value.PickupDirectory, PickupDirectoryMailDelivery.FileName(row.MessageId));
        });

        var mime = await MimeMessage.LoadAsync(path);
        var calendar = mime.BodyParts.OfType<TextPart>().Single(p => p.ContentType.IsMimeType("text", "calendar"));
        Assert.Equal("REQUEST", calendar.ContentType.Parameters["method"]);
        Assert.Contains("METHOD:REQUEST", calendar.Text, StringComparison.Ordinal);
        var attachment = Assert.Single(mime.Attachments.OfType<MimePart>());
        Assert.Equal("invitation.ics", attachment.FileName);
        Assert.StartsWith("Invitation : ", mime.Subject, StringComparison.Ordinal);
        Assert.Contains("Salle « Été », Lyon", mime.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://visio.exemple.fr/abc", mime.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_WhenTheConsultantIsAlreadyBookedThen_ThenTheFormSaysWithWhatAndSavesOnlyOnceConfirmed()
    {
        // Arrange: two planned sessions of the same consultant; the first is scheduled on a working day at 09:00–11:00.
        var first = await PlannedSessionOfAsync(Consultant, 20);
        var second = await PlannedSessionOfAsync(Consultant, 21);
        var day = WorkingCalendar.France.NextWorkingDay(FutureDate(150));
        using var client = await app.SignedInAsync(Consultant);
        Assert.Equal(HttpStatusCode.Redirect, (await Planned(await client.GetStringAsync(new Uri($"/seances/{first.Id}", UriKind.Relative)), first.Id, day, "09:00", "Salle A")
            .SubmitAsync(client)).StatusCode);

        // Act: the second at 10:00 the same day, elsewhere; then again, confirmed.
        var refused = await Planned(await client.GetStringAsync(new Uri($"/seances/{second.Id}", UriKind.Relative)), second.Id, day, "10:00", "Salle B")
            .SubmitAsync(client);
        var refusedPage = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        var afterRefusal = (await StateAsync(second.Id)).Session.Status;
        var confirmed = await RenderedForm.From(refusedPage, $"/seances/{second.Id}", f => f.GetAttribute("aria-labelledby") == "programmer")
            .Check("Programmer malgré le conflit").SubmitAsync(client);

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Le consultant anime déjà", refusedPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/seances/{first.Id}\"", refusedPage, StringComparison.Ordinal);
        Assert.Equal(SessionStatus.Planned, afterRefusal);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(SessionStatus.Scheduled, (await StateAsync(second.Id)).Session.Status);
    }

    private static RenderedForm Planned(string html, Guid sessionId, DateOnly day, string time, string room) =>
        RenderedForm.From(html, $"/seances/{sessionId}", f => f.GetAttribute("aria-labelledby") == "programmer")
            .Fill("Date", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Fill("Heure de début", time).Fill("Durée", "120").Fill("Lieu", room);

    private static Dictionary<string, string> Slot(DateOnly date, string time, string location, string visio) => new()
    {
        ["Date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["StartTime"] = time,
        ["DurationMinutes"] = "120",
        ["Location"] = location,
        ["VisioUrl"] = visio,
        ["Agenda"] = "09:30–10:00 Accueil\n10:00–11:30 Travaux ; « atelier »",
    };

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, Guid sessionId, string handler, IDictionary<string, string> fields) =>
        BenchmarkApp.PostFormAsync(client, $"/seances/{sessionId}?handler={handler}", fields, formPage: $"/seances/{sessionId}");

    private DateOnly FutureDate(int days) =>
        ParisTime.Today(app.Services.GetRequiredService<TimeProvider>()).AddDays(days);

    private static string Ics(OutboxMessage row) => (string)JsonNode.Parse(row.Payload)!["ics"]!;

    private static string Unfold(string ics) => ics.Replace("\r\n ", "", StringComparison.Ordinal);

    /// <summary>The n-th planned, non-internal session of the consultant's first group (each test takes its own).</summary>
    private Task<Session> PlannedSessionOfAsync(string consultantEmail, int index) => app.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<BenchmarkDbContext>();
        var userId = await db.Users.Where(u => u.Email == consultantEmail).Select(u => u.Id).SingleAsync();
        var groupIds = await db.Groups.Where(g => g.ConsultantId == userId).OrderBy(g => g.Id).Select(g => g.Id).ToListAsync();
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.GroupId != null && groupIds.Contains(s.GroupId.Value) && s.Kind == SessionKind.Collective)
            .ToListAsync();
        return sessions.OrderBy(s => s.GroupId).ThenBy(s => s.Id).ElementAt(index);
    });

    private Task<(Session Session, List<OutboxMessage> Rows)> StateAsync(Guid sessionId) => app.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<BenchmarkDbContext>();
        var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == sessionId);
        var prefix = $"invite:{sessionId}:";
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.IdempotencyKey.StartsWith(prefix)).ToListAsync();
        return (session, rows);
    });

    private Task<List<string>> ParticipantEmailsAsync(Session session) => app.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<BenchmarkDbContext>();
        var group = await db.Groups.SingleAsync(g => g.Id == session.GroupId);
        var team = await db.TeamMembers.Where(m => db.Enrolments.Any(e => e.Id == m.EnrolmentId && e.GroupId == group.Id && e.Status == EnrolmentStatus.Active))
            .Select(m => m.Email).ToListAsync();
        var consultant = await db.Users.Where(u => u.Id == group.ConsultantId).Select(u => u.Email!).SingleAsync();
        var wave = await db.Waves.SingleAsync(w => w.Id == session.WaveId);
        var definition = (await db.ProgrammeDefinitions.SingleAsync(d => d.Id == wave.DefinitionId)).Parse();
        var arsInvited = definition.FindSession(session.SessionId)!.Attendees.Any(a => definition.FindRole(a)?.Side == RoleSide.Ars);
        var referents = arsInvited
            ? await db.WaveReferents.Where(r => r.WaveId == wave.Id).Join(db.Users, r => r.UserId, u => u.Id, (r, u) => u.Email!).ToListAsync()
            : [];
        return team.Append(consultant).Concat(referents).Select(e => e.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
    });
}
