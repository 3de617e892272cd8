using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Benchmark.Web.Pipeline;
using Benchmark.Web.Tests.Infrastructure;
using Benchmark.Web.Tests.Infrastructure.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IcalCalendar = Ical.Net.Calendar;

namespace Benchmark.Web.Tests.Features.Sessions;

/// <summary>A session's life after it is scheduled: a cancel asked then confirmed, a cancelled session planned again. Own app.</summary>
public sealed class SessionLifecycleTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    private const string Consultant = "consultant@demo.benchmark.test";

    [Fact]
    public async Task Cancel_WhenAsked_ThenConfirmationNamesSessionDateAndPeopleToldAndNothingSentBeforeConfirming()
    {
        var session = await ScheduleAsync(0);
        var client = await app.SignedInAsync(Consultant);
        var ask = await RenderedForm.FromAsync(client, Page(session), IsHandler("AskCancel"));

        var asked = await ask.Fill("Motif de l'annulation", "Intervenant indisponible").SubmitAsync(client);

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var html = await asked.Content.ReadAsStringAsync();
        var text = WebUtility.HtmlDecode(html);
        var (before, rows) = await StateAsync(session.Id);
        Assert.Equal(SessionStatus.Scheduled, before.Status);
        Assert.DoesNotContain(rows, r => Ics(r).Contains("METHOD:CANCEL", StringComparison.Ordinal));
        Assert.Contains("Confirmer l'annulation", text, StringComparison.Ordinal);
        Assert.Contains(ParisTime.Display(session.StartUtc), text, StringComparison.Ordinal);
        var told = Regex.Match(text, @"(\d+) participants recevront l'annulation");
        Assert.True(told.Success, "the confirmation says how many participants are told");
        var invited = int.Parse(told.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(invited > 1);
        Assert.Contains("Intervenant indisponible", text, StringComparison.Ordinal);

        var confirmed = await RenderedForm.From(html, Page(session), IsHandler("Cancel")).SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var (after, sent) = await StateAsync(session.Id);
        Assert.Equal(SessionStatus.Cancelled, after.Status);
        Assert.Equal("Intervenant indisponible", after.CancelReason);
        Assert.Equal(invited, sent.Count(r => Ics(r).Contains("METHOD:CANCEL", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Replan_WhenCancelled_ThenNewSessionWithNewUidAndRequestInvitesAndItCanBeHeld()
    {
        var session = await ScheduleAsync(1);
        var client = await app.SignedInAsync(Consultant);
        var ask = await RenderedForm.FromAsync(client, Page(session), IsHandler("AskCancel"));
        var asked = await ask.Fill("Motif de l'annulation", "Salle indisponible").SubmitAsync(client);
        await RenderedForm.From(await asked.Content.ReadAsStringAsync(), Page(session), IsHandler("Cancel")).SubmitAsync(client);
        var date = ParisTime.Today(TimeProvider.System).AddDays(45);

        var form = await RenderedForm.FromAsync(client, Page(session), IsHandler("Replan"));
        var response = await form
            .Fill("Date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Fill("Heure de début", "14:00")
            .Fill("Lieu", "Salle Debussy, Lyon")
            .SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (next, held, cancelledPage) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            var next = await db.Sessions.SingleAsync(s => s.ReplacesId == session.Id);
            Assert.EndsWith($"/seances/{next.Id}", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
            Assert.True(next.MarkHeld("Séance tenue.", next.StartUtc.AddMinutes(5)).IsSuccess);
            await db.SaveChangesAsync();
            var enrolment = await db.Enrolments.FirstAsync(e => e.GroupId == next.GroupId && e.Status == EnrolmentStatus.Active);
            var context = await sp.GetRequiredService<EnrolmentExecutor>().ContextAsync(enrolment, CancellationToken.None);
            return (next, context.HeldSessions, await client.GetStringAsync(new Uri(Page(session), UriKind.Relative)));
        });
        var (old, oldRows) = await StateAsync(session.Id);
        Assert.Equal(SessionStatus.Cancelled, old.Status);
        Assert.Equal(session.SessionId, next.SessionId);
        Assert.Equal(1, next.Occurrence);
        Assert.NotEqual(old.Uid, next.Uid);
        Assert.Equal(ParisTime.ToUtc(date, new TimeOnly(14, 0)), next.StartUtc);
        Assert.Contains(session.SessionId, held);
        Assert.Contains($"href=\"/seances/{next.Id}\"", cancelledPage, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Replan", cancelledPage, StringComparison.Ordinal);

        var (_, rows) = await StateAsync(next.Id);
        Assert.Equal(oldRows.Select(r => r.Recipient).Distinct().Order(), rows.Select(r => r.Recipient).Order());
        Assert.All(rows, r => Assert.StartsWith("Invitation : ", r.Subject, StringComparison.Ordinal));
        var ics = Ics(rows[0]);
        var calendar = IcalCalendar.Load(ics)!;
        Assert.Equal("REQUEST", calendar.Method);
        var calendarEvent = Assert.Single(calendar.Events);
        Assert.Equal(next.Uid, calendarEvent.Uid);
        Assert.Equal(0, calendarEvent.Sequence);
        var (exitCode, parsed, output) = await IcsValidator.ValidateAsync(ics);
        Assert.True(exitCode == 0, output);
        Assert.Equal(next.Uid, parsed.GetProperty("nodeIcal").GetProperty("uid").GetString());
    }

    [Fact]
    public async Task Reschedule_WhenMovedFrom9To14WithAgendaUntouched_ThenAgendaTimesAndInvitesFollowTheStart()
    {
        var date = ParisTime.Today(TimeProvider.System).AddDays(35);
        var session = await app.WithServicesAsync(async sp =>
        {
            var scheduled = await SessionSetup.ScheduleAsync(sp, Consultant, SessionKind.Collective, ParisTime.ToUtc(date, new TimeOnly(9, 0)), 2);
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            var start = scheduled.StartUtc;
            Assert.True(scheduled.Reschedule(new SessionSlot(start, start.AddHours(2), "Salle Ravel, Lyon", null, "09:00–09:30 Accueil\n09:30–11:00 Atelier"), start.AddDays(-2)).IsSuccess);
            await db.SaveChangesAsync();
            return scheduled;
        });
        var client = await app.SignedInAsync(Consultant);
        var form = await RenderedForm.FromAsync(client, Page(session), IsHandler("Reschedule"));

        var response = await form.Fill("Heure de début", "14:00").SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (moved, rows) = await StateAsync(session.Id);
        Assert.Equal("14:00–14:30 Accueil\n14:30–16:00 Atelier", moved.Agenda);
        var invite = Assert.Single(rows, r => r.IdempotencyKey.StartsWith($"invite:{session.Id}:2:", StringComparison.Ordinal)
            && r.Recipient.Contains("consultant", StringComparison.Ordinal));
        var description = Assert.Single(IcalCalendar.Load(Ics(invite))!.Events).Description;
        Assert.StartsWith("14:00–14:30 Accueil", description, StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(Page(session), UriKind.Relative)));
        Assert.Contains("<li>14:30–16:00 Atelier</li>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("09:00–09:30", page, StringComparison.Ordinal);
    }

    private Task<Session> ScheduleAsync(int index) => app.WithServicesAsync(sp =>
        SessionSetup.ScheduleAsync(sp, Consultant, SessionKind.Collective, TimeProvider.System.GetUtcNow().AddDays(30), index));

    private Task<(Session Session, List<OutboxMessage> Rows)> StateAsync(Guid sessionId) =>
        app.WithServicesAsync(sp => SessionSetup.StateAsync(sp, sessionId));

    private static string Page(Session session) => $"/seances/{session.Id}";

    private static Func<IHtmlFormElement, bool> IsHandler(string handler) =>
        f => f.GetAttribute("action")?.Contains($"handler={handler}", StringComparison.Ordinal) == true;

    private static string Ics(OutboxMessage row) => (string)JsonNode.Parse(row.Payload)!["ics"]!;
}
