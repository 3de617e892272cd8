using System.Net;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.Sessions;

/// <summary>Attendance and minutes after a session: consultant only, not before the start, audited, seen by the session's teams.</summary>
public sealed class SessionMinutesTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    private const string Consultant = "consultant@demo.benchmark.test";
    private const string Team = "equipe@demo.benchmark.test";

    [Fact]
    public async Task RecordMinutes_WhenSessionHasStarted_ThenHeldWithAttendanceAuditedAndTeamSeesItEscaped()
    {
        var session = await IndividualOfTeamAsync(TimeProvider.System.GetUtcNow().AddHours(-4));
        var client = await app.SignedInAsync(Consultant);
        var form = await client.GetStringAsync(new Uri($"/seances/{session.Id}/compte-rendu", UriKind.Relative));
        var emails = System.Text.RegularExpressions.Regex.Matches(form, "name=\"Attendance\\[(\\d+)\\]\\.Email\" value=\"([^\"]+)\"")
            .Select(m => (Index: m.Groups[1].Value, Email: WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
        Assert.NotEmpty(emails);
        var fields = new Dictionary<string, string> { ["Minutes"] = "Premier paragraphe <script>alert(1)</script>\n\nDeuxième paragraphe : décisions." };
        foreach (var (index, email) in emails)
        {
            fields[$"Attendance[{index}].Email"] = email;
            fields[$"Attendance[{index}].Status"] = index == "0" ? "excuse" : "present";
        }

        var response = await BenchmarkApp.PostFormAsync(client, $"/seances/{session.Id}/compte-rendu", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (held, attendance, audit) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            return (await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == session.Id),
                await db.SessionAttendances.AsNoTracking().Where(a => a.SessionRecordId == session.Id).ToListAsync(),
                await db.AuditEvents.AsNoTracking().Where(a => a.WaveId == session.WaveId && a.Action == "session.minutes").ToListAsync());
        });
        Assert.Equal(SessionStatus.Held, held.Status);
        Assert.Equal(emails.Count, attendance.Count);
        Assert.Single(attendance, a => a.Status == AttendanceStatus.Excused);
        var entry = Assert.Single(audit, a => a.After!.Contains("<script>alert(1)</script>", StringComparison.Ordinal));
        Assert.Null(entry.Before);
        Assert.StartsWith("Séance « ", entry.Target, StringComparison.Ordinal);
        Assert.DoesNotContain(session.Id.ToString(), entry.Target, StringComparison.Ordinal);
        Assert.Contains("Deuxième paragraphe", entry.After, StringComparison.Ordinal);

        var team = await app.SignedInAsync(Team);
        var page = await team.GetStringAsync(new Uri($"/seances/{session.Id}", UriKind.Relative));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", page, StringComparison.Ordinal);
        Assert.Contains("Deuxième paragraphe", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("excusé(e)", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        var other = await app.SignedInAsync("equipe2@demo.benchmark.test");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/seances/{session.Id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team.GetAsync(new Uri($"/seances/{session.Id}/compte-rendu", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task RecordMinutes_WhenSessionNotStarted_ThenRefusedAndNothingSaved()
    {
        var session = await IndividualOfTeamAsync(TimeProvider.System.GetUtcNow().AddDays(3), index: 1);
        var client = await app.SignedInAsync(Consultant);

        var response = await BenchmarkApp.PostFormAsync(client, $"/seances/{session.Id}/compte-rendu",
            new Dictionary<string, string> { ["Minutes"] = "Trop tôt", ["Attendance[0].Email"] = Consultant, ["Attendance[0].Status"] = "present" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("pas encore commencé", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var (after, attendance) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            return (await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == session.Id), await db.SessionAttendances.CountAsync(a => a.SessionRecordId == session.Id));
        });
        Assert.Equal(SessionStatus.Scheduled, after.Status);
        Assert.Null(after.Minutes);
        Assert.Equal(0, attendance);
    }

    [Fact]
    public async Task Queue_WhenSessionOverWithoutMinutes_ThenListedAsWaitingForTheConsultant()
    {
        var session = await IndividualOfTeamAsync(TimeProvider.System.GetUtcNow().AddDays(-2), index: 2);
        var client = await app.SignedInAsync(Consultant);

        var queue = await client.GetStringAsync(new Uri("/a-traiter", UriKind.Relative));

        Assert.Matches($"<tr data-task=\"compte-rendu\">\\s*<th scope=\"row\"><a class=\"fr-link\" href=\"/seances/{session.Id}/compte-rendu\">", queue);
    }

    private Task<Session> IndividualOfTeamAsync(DateTimeOffset start, int index = 0) => app.WithServicesAsync(sp =>
        SessionSetup.ScheduleAsync(sp, Consultant, SessionKind.Individual, start, index, enrolmentOfTeamMember: Team));
}
