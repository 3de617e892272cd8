using System.Net;
using System.Text.RegularExpressions;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Benchmark.Web.Infrastructure.Reminders;
using Benchmark.Web.Tests.Features.Sessions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Benchmark.Web.Tests.Infrastructure.Reminders;

/// <summary>
/// The consultant's report to the ARS after a collective session of « Gestion des flux patients » (report due 7 days
/// after the session): the session on Monday 29 March 2027 09:30 Paris, the report due on Monday 5 April; the
/// definition reminds the consultant 2 days before (Saturday 3 April 08:00 Paris) and, once late, the consultant and
/// the ARS referents (Tuesday 6 April 08:00); from Tuesday 00:00 Paris an alert is raised. A submitted report stops all.
/// </summary>
public sealed partial class SessionReportReminderTests : IDisposable
{
    private const string Consultant = "consultant@demo.benchmark.test";
    private static readonly DateTimeOffset Start = ParisTime.ToUtc(new DateOnly(2027, 3, 29), new TimeOnly(9, 30));
    private static readonly DateTimeOffset ReminderDue = ParisTime.ToUtc(new DateOnly(2027, 4, 3), new TimeOnly(8, 0));
    private static readonly DateTimeOffset LateFrom = ParisTime.ToUtc(new DateOnly(2027, 4, 6), TimeOnly.MinValue);
    private static readonly DateTimeOffset LateReminderDue = ParisTime.ToUtc(new DateOnly(2027, 4, 6), new TimeOnly(8, 0));

    private readonly FakeTimeProvider _clock = new(Start.AddDays(-10));
    private readonly BenchmarkApp _inner = new();
    private readonly WebApplicationFactory<Program> _app;

    public SessionReportReminderTests() => _app = _inner.WithWebHostBuilder(builder => builder
        .UseSetting("Mail:DispatchIntervalSeconds", "0")
        .UseSetting("Jobs:Enabled", "false")
        .ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_clock)));

    [Fact]
    public async Task Sweep_WhenReportNotSubmitted_ThenReminderBeforeDeadlineAndAlertAfterItEachOnce()
    {
        var session = await ScheduleAsync();

        await SweepAsync(ReminderDue.AddMinutes(-1));
        var early = await ReportRowsAsync(session.Id);
        await SweepAsync(ReminderDue.AddMinutes(1));
        var reminded = await ReportRowsAsync(session.Id);
        await SweepAsync(LateFrom.AddMinutes(-1));
        var alertsOnTime = await AlertsAsync(session.Id);
        await SweepAsync(LateReminderDue.AddMinutes(1));
        var late = await ReportRowsAsync(session.Id);
        var alerts = await AlertsAsync(session.Id);
        await SweepAsync(LateReminderDue.AddMinutes(30));

        Assert.Empty(early);
        var reminder = Assert.Single(reminded);
        Assert.Equal(Consultant, reminder.Recipient);
        Assert.Contains(":compte-rendu-j-2:session-report:", reminder.IdempotencyKey, StringComparison.Ordinal);
        Assert.Empty(alertsOnTime);
        var alert = Assert.Single(alerts);
        Assert.Contains("non remis", alert.Message, StringComparison.Ordinal);
        Assert.Contains("5 avril 2027", alert.Message, StringComparison.Ordinal);
        Assert.Equal(AlertSeverity.Warning, alert.Severity);
        var overdue = late.Where(r => r.IdempotencyKey.Contains(":compte-rendu-retard:", StringComparison.Ordinal)).Select(r => r.Recipient).ToList();
        Assert.Contains(Consultant, overdue);
        Assert.Contains("referent@demo.benchmark.test", overdue);
        Assert.Equal(late.Count, (await ReportRowsAsync(session.Id)).Count);
        Assert.Single(await AlertsAsync(session.Id));
    }

    [Fact]
    public async Task Submit_WhenConsultantSubmitsAfterSession_ThenRecordedEmailedToReferentsAndNoReminderNorAlert()
    {
        var session = await ScheduleAsync();
        _clock.SetUtcNow(Start.AddDays(1));
        await HoldAsync(session);
        using var client = await SignedInAsync(Consultant);
        var form = await client.GetStringAsync(new Uri($"/seances/{session.Id}/rapport-ars", UriKind.Relative));
        var fields = new Dictionary<string, string> { ["Comment"] = "Groupe dynamique ; « retards » expliqués." };
        foreach (Match m in LineInput().Matches(form))
        {
            fields[$"Lines[{m.Groups[1].Value}].EnrolmentId"] = m.Groups[2].Value;
            fields[$"Lines[{m.Groups[1].Value}].Causes"] = "Effectifs réduits pendant les congés";
        }

        Assert.True(fields.Count > 1, "The form lists the group's establishments");
        using var response = await BenchmarkApp.PostFormAsync(client, $"/seances/{session.Id}/rapport-ars", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (report, emails) = await WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            return (await db.SessionReports.AsNoTracking().Include(r => r.Lines).SingleAsync(r => r.SessionRecordId == session.Id),
                await db.OutboxMessages.AsNoTracking().Where(m => m.IdempotencyKey.StartsWith($"report:{session.Id}:")).ToListAsync());
        });
        Assert.Equal(new DateOnly(2027, 4, 5), report.DueDate);
        Assert.Equal(fields.Count / 2, report.Lines.Count);
        Assert.All(report.Lines, l => Assert.Equal("Effectifs réduits pendant les congés", l.Causes));
        var email = Assert.Single(emails);
        Assert.Equal("referent@demo.benchmark.test", email.Recipient);
        Assert.Equal("report-submitted", email.Kind);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/seances/{session.Id}/rapport-ars", UriKind.Relative)));
        Assert.Contains("Remis", page, StringComparison.Ordinal);
        Assert.Contains("Groupe dynamique ; « retards » expliqués.", page, StringComparison.Ordinal);

        await SweepAsync(ReminderDue.AddMinutes(1));
        await SweepAsync(LateReminderDue.AddMinutes(1));

        Assert.Empty(await ReportRowsAsync(session.Id));
        Assert.Empty(await AlertsAsync(session.Id));
        using var again = await BenchmarkApp.PostFormAsync(client, $"/seances/{session.Id}/rapport-ars", fields, formPage: $"/seances/{session.Id}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
    }

    [Fact]
    public async Task Submit_WhenSessionHasNoMinutesYet_ThenRefusedInFrenchAndPageSaysMinutesFirst()
    {
        var session = await ScheduleAsync();
        _clock.SetUtcNow(Start.AddDays(1));
        using var client = await SignedInAsync(Consultant);
        var path = $"/seances/{session.Id}/rapport-ars";

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(path, UriKind.Relative)));
        using var forged = await BenchmarkApp.PostFormAsync(client, path, new Dictionary<string, string> { ["Comment"] = "x" }, formPage: $"/seances/{session.Id}");

        Assert.Contains("saisissez d'abord le compte rendu et les présences", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/seances/{session.Id}/compte-rendu\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Remettre le compte rendu à l'ARS</button>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forged.StatusCode);
        Assert.Contains("Le compte rendu à l'ARS se remet après celui de la séance", WebUtility.HtmlDecode(await forged.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await WithServicesAsync(sp => sp.GetRequiredService<BenchmarkDbContext>().SessionReports.AnyAsync(r => r.SessionRecordId == session.Id)));

        await HoldAsync(session);
        var form = RenderedForm.From(await client.GetStringAsync(new Uri(path, UriKind.Relative)), path, f => f.QuerySelector("#commentaire-general") is not null);
        var causes = form.Element.QuerySelectorAll("label[for^=causes-]")
            .Select(l => string.Join(' ', l.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        foreach (var label in causes)
        {
            form.Fill(label.Replace(" (obligatoire)", "", StringComparison.Ordinal), "Effectifs réduits pendant les congés");
        }

        using var sent = await form.SubmitAsync(client);
        Assert.True(sent.StatusCode == HttpStatusCode.Redirect, WebUtility.HtmlDecode(await sent.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Report_WhenTeamMemberOrBeforeSession_Then404OrRefused()
    {
        var session = await ScheduleAsync();
        using var team = await SignedInAsync("equipe@demo.benchmark.test");
        using var consultant = await SignedInAsync(Consultant);

        using var forTeam = await team.GetAsync(new Uri($"/seances/{session.Id}/rapport-ars", UriKind.Relative));
        using var early = await BenchmarkApp.PostFormAsync(consultant, $"/seances/{session.Id}/rapport-ars", new Dictionary<string, string> { ["Comment"] = "x" });

        Assert.Equal(HttpStatusCode.NotFound, forTeam.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.False(await WithServicesAsync(sp => sp.GetRequiredService<BenchmarkDbContext>().SessionReports.AnyAsync(r => r.SessionRecordId == session.Id)));
    }

    public void Dispose()
    {
        _app.Dispose();
        _inner.Dispose();
    }

    private Task<Session> ScheduleAsync() => WithServicesAsync(sp =>
        SessionSetup.ScheduleAsync(sp, Consultant, SessionKind.Collective, Start, programmeId: "gestion-flux-patients", withReport: true));

    private Task<bool> HoldAsync(Session session) => WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<BenchmarkDbContext>();
        var tracked = await db.Sessions.SingleAsync(s => s.Id == session.Id);
        Assert.True(tracked.MarkHeld("Séance tenue : points d'étape et suites.", _clock.GetUtcNow()).IsSuccess);
        await db.SaveChangesAsync();
        return true;
    });

    private Task<int> SweepAsync(DateTimeOffset now) => WithServicesAsync(sp => sp.GetRequiredService<ReminderSweep>().RunAsync(now));

    private Task<List<OutboxMessage>> ReportRowsAsync(Guid sessionId) => WithServicesAsync(sp =>
        sp.GetRequiredService<BenchmarkDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.IdempotencyKey.Contains($":session-report:{sessionId}:")).ToListAsync());

    private Task<List<Alert>> AlertsAsync(Guid sessionId) => WithServicesAsync(sp =>
        sp.GetRequiredService<BenchmarkDbContext>().Alerts.AsNoTracking().Where(a => a.Key == $"session-report-overdue:{sessionId}").ToListAsync());

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var response = await BenchmarkApp.PostFormAsync(client, "/connexion", new Dictionary<string, string> { ["Email"] = email, ["Password"] = BenchmarkApp.Password });
        return response.StatusCode == HttpStatusCode.Redirect ? client : throw new InvalidOperationException($"Sign-in as {email} failed");
    }

    private async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    [GeneratedRegex("name=\"Lines\\[(\\d+)\\]\\.EnrolmentId\" value=\"([0-9a-f-]+)\"")]
    private static partial Regex LineInput();
}
