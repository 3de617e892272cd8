using System.Globalization;
using System.Net;
using Benchmark.Core.Domain;
using Benchmark.Web.Infrastructure.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Infrastructure.Mail;

/// <summary>Session invites through the real pages and a real SMTP server (maildev), read back from each mailbox.</summary>
public sealed class MaildevInviteTests
{
    private const string Consultant = "consultant@demo.benchmark.test";

    [MaildevFact]
    public async Task SessionLifecycle_WhenSlotCrossesDstChange_ThenEveryParticipantReceivesSequence0To3WithValidIcsInParisTime()
    {
        using var maildev = Maildev.Shared();
        using var app = maildev.NewApp();
        var sessionId = await MaildevSessions.PlannedCollectiveSessionAsync(app, Consultant);
        var client = await app.SignedInAsync(Consultant);
        var saturday = LastSundayOfMarchAhead(app).AddDays(-1);
        var sunday = saturday.AddDays(1);

        // Saturday 09:00 winter time for 26 h: ends on Sunday at 12:00 summer time (the clocks went forward at 02:00).
        await PostAsync(client, sessionId, "Schedule", Slot(saturday, "09:00", 26 * 60));
        await DispatchAsync(app);
        await PostAsync(client, sessionId, "Reschedule", Slot(saturday, "14:00", 24 * 60));
        await DispatchAsync(app);

        // Sunday 01:30 winter time for 2 h: ends at 04:30 summer time.
        await PostAsync(client, sessionId, "Reschedule", Slot(sunday, "01:30", 120));
        await DispatchAsync(app);
        await PostAsync(client, sessionId, "Cancel", new Dictionary<string, string> { ["Reason"] = "Salle indisponible ; « report », à suivre" });
        await DispatchAsync(app);

        var (session, rows) = await MaildevSessions.InvitesAsync(app, sessionId);
        Assert.Equal(SessionStatus.Cancelled, session.Status);
        Assert.Equal(3, session.Sequence);
        Assert.All(rows, r => Assert.Equal(OutboxStatus.Sent, r.Status));
        var byRecipient = rows.GroupBy(r => r.Recipient.ToLowerInvariant(), StringComparer.Ordinal).ToList();
        Assert.True(byRecipient.Count >= 3, $"Expected the group's trinômes and the consultant, got {byRecipient.Count} recipient(s)");
        Assert.Contains(byRecipient, g => g.Key == Consultant);

        var expected = new (string Method, string StartLocal, string StartUtc, string EndLocal, string EndUtc)[]
        {
            ("REQUEST", $"{saturday:yyyy-MM-dd}T09:00:00", $"{saturday:yyyy-MM-dd}T08:00:00.000Z", $"{sunday:yyyy-MM-dd}T12:00:00", $"{sunday:yyyy-MM-dd}T10:00:00.000Z"),
            ("REQUEST", $"{saturday:yyyy-MM-dd}T14:00:00", $"{saturday:yyyy-MM-dd}T13:00:00.000Z", $"{sunday:yyyy-MM-dd}T15:00:00", $"{sunday:yyyy-MM-dd}T13:00:00.000Z"),
            ("REQUEST", $"{sunday:yyyy-MM-dd}T01:30:00", $"{sunday:yyyy-MM-dd}T00:30:00.000Z", $"{sunday:yyyy-MM-dd}T04:30:00", $"{sunday:yyyy-MM-dd}T02:30:00.000Z"),
            ("CANCEL", $"{sunday:yyyy-MM-dd}T01:30:00", $"{sunday:yyyy-MM-dd}T00:30:00.000Z", $"{sunday:yyyy-MM-dd}T04:30:00", $"{sunday:yyyy-MM-dd}T02:30:00.000Z"),
        };
        foreach (var participant in byRecipient)
        {
            Assert.Equal(4, participant.Count());
            var invites = new List<MaildevInvite>();
            foreach (var row in participant)
            {
                // Exactly once in the mailbox, addressed to this participant.
                var mail = Assert.Single(await Maildev.WaitForAsync(() => maildev.WithMessageIdAsync(row.MessageId), 1));
                Assert.Equal(participant.Key, Assert.Single(mail.To).Address.ToLowerInvariant());
                invites.Add(await MaildevInvite.ReadAsync(maildev, mail));
            }

            invites = [.. invites.OrderBy(i => i.Sequence)];
            Assert.Equal([0, 1, 2, 3], invites.Select(i => i.Sequence));
            Assert.All(invites, i => Assert.Equal(session.Uid, i.Uid));
            for (var n = 0; n < 4; n++)
            {
                var invite = invites[n];
                Assert.True(invite.ValidatorExitCode == 0, $"{participant.Key}, SEQUENCE {n}: {invite.ValidatorOutput}");
                Assert.Equal(expected[n].Method, invite.Method);
                Assert.Equal(expected[n].Method, invite.MimeMethod);
                Assert.Equal(expected[n].Method, invite.NodeIcal.GetProperty("method").GetString());
                Assert.Equal(n, invite.NodeIcal.GetProperty("sequence").GetInt32());
                Assert.Equal(invite.Ics.ReplaceLineEndings("\n"), invite.AttachmentIcs.ReplaceLineEndings("\n"));
                Assert.Equal("Europe/Paris", invite.IcalJs.GetProperty("vtimezone").GetString());
                Assert.Equal("Europe/Paris", invite.IcalJs.GetProperty("startTzid").GetString());
                Assert.Equal(expected[n].StartLocal, invite.IcalJs.GetProperty("startLocal").GetString());
                Assert.Equal(expected[n].StartUtc, invite.IcalJs.GetProperty("startUtc").GetString());
                Assert.Equal(expected[n].EndLocal, invite.IcalJs.GetProperty("endLocal").GetString());
                Assert.Equal(expected[n].EndUtc, invite.IcalJs.GetProperty("endUtc").GetString());
                Assert.Equal(expected[n].StartUtc, invite.NodeIcal.GetProperty("startUtc").GetString());
                Assert.Equal(expected[n].EndUtc, invite.NodeIcal.GetProperty("endUtc").GetString());
                Assert.Equal(n == 3 ? "CANCELLED" : "CONFIRMED", invite.IcalJs.GetProperty("status").GetString());
                Assert.Contains(invite.IcalJs.GetProperty("attendees").EnumerateArray(),
                    a => string.Equals(a.GetProperty("value").GetString(), $"mailto:{participant.Key}", StringComparison.OrdinalIgnoreCase));
            }

            Assert.StartsWith("Invitation : ", invites[0].Message.Subject, StringComparison.Ordinal);
            Assert.StartsWith("Modification : ", invites[1].Message.Subject, StringComparison.Ordinal);
            Assert.StartsWith("Modification : ", invites[2].Message.Subject, StringComparison.Ordinal);
            Assert.StartsWith("Annulation : ", invites[3].Message.Subject, StringComparison.Ordinal);
        }
    }

    /// <summary>The last Sunday of March (the change to summer time) at least a week ahead of the application's today.</summary>
    internal static DateOnly LastSundayOfMarchAhead(BenchmarkApp app)
    {
        var today = Core.Scheduling.ParisTime.Today(app.Services.GetRequiredService<TimeProvider>());
        for (var year = today.Year; ; year++)
        {
            var day = new DateOnly(year, 3, 31);
            while (day.DayOfWeek != DayOfWeek.Sunday)
            {
                day = day.AddDays(-1);
            }

            if (day > today.AddDays(7))
            {
                return day;
            }
        }
    }

    private static Dictionary<string, string> Slot(DateOnly date, string time, int minutes) => new()
    {
        ["Date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["StartTime"] = time,
        ["DurationMinutes"] = minutes.ToString(CultureInfo.InvariantCulture),
        ["Location"] = "Salle Ravel ; 3, rue de l'Hôpital, Lyon",
        ["VisioUrl"] = "https://visio.exemple.fr/salle-42",
        ["Agenda"] = "09:00–10:00 Accueil, « café »\n10:00–12:00 Atelier ; retours",
    };

    private static async Task PostAsync(HttpClient client, Guid sessionId, string handler, IDictionary<string, string> fields)
    {
        var response = await BenchmarkApp.PostFormAsync(client, $"/seances/{sessionId}?handler={handler}", fields, formPage: $"/seances/{sessionId}");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{handler}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static Task<int> DispatchAsync(BenchmarkApp app) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<OutboxDispatcher>().DispatchAsync());
}
