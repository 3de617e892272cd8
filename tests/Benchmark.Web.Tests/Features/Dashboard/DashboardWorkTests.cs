using System.Text.RegularExpressions;
using Benchmark.Core.Common;
using Benchmark.Core.Domain;
using Benchmark.Core.Runtime;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Benchmark.Data.Identity;
using Benchmark.Web.Features.Demo;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Group = Benchmark.Core.Domain.Group;

namespace Benchmark.Web.Tests.Features.Dashboard;

/// <summary>The dashboards once work has happened (or not): late items, alerts, reviews and minutes waiting.</summary>
public sealed class DashboardWorkTests : IClassFixture<BenchmarkApp>
{
    private readonly BenchmarkApp _app;

    public DashboardWorkTests(BenchmarkApp app) => _app = app;

    [Fact]
    public async Task Dashboard_WhenWaveStartedYearsAgoAndNothingDone_ThenArsRowCountsEveryItemLateAndTheOpenAlert()
    {
        (Guid enrolmentId, int expectedLate) = await _app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            var now = TimeProvider.System.GetUtcNow();
            var stored = await db.ProgrammeDefinitions.SingleAsync(d => d.ProgrammeId == "gestion-flux-patients");
            var definition = stored.Parse();
            var start = ParisTime.Today(TimeProvider.System).AddYears(-3);
            var anchors = definition.Anchors.Select((a, i) => (a.Id, Date: start.AddDays(35 * i))).ToDictionary(a => a.Id, a => a.Date, StringComparer.Ordinal);
            var calendar = ScheduleResolver.Resolve(definition, anchors).Value;
            Assert.All(calendar.Checklist, c => Assert.True(c.Due < ParisTime.Today(TimeProvider.System)));

            var wave = new Wave(Guid.CreateVersion7(), DemoSeeder.DemoAgencyId, stored.Id, "Vague de test en retard", anchors, now);
            var group = new Group(Guid.CreateVersion7(), wave.Id, "Groupe en retard", null);
            var enrolment = new Enrolment(Guid.CreateVersion7(), wave.Id, group.Id, (await db.Establishments.FirstAsync()).Id);
            Check(WorkflowEngine.Execute(definition, enrolment, EnrolmentContext.Empty, new StartEnrolment(new Actor("test", "Test", "ars-referent", IsArsAdmin: true)), now));
            db.AddRange(wave, group, enrolment);
            db.Alerts.Add(new Alert(Guid.CreateVersion7(), wave.Id, enrolment.Id, "test:retard", AlertSeverity.Warning, "Retard", now));
            await db.SaveChangesAsync();
            return (enrolment.Id, definition.ChecklistItems.Count(i => !i.Optional) + definition.Deliverables.Count());
        });
        using var client = await _app.SignedInAsync("admin@demo.benchmark.test");

        var html = await client.GetStringAsync(new Uri("/tableau-de-bord", UriKind.Relative));

        var row = Regex.Match(html, $"<tr data-enrolment=\"{enrolmentId}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains($"{expectedLate} en retard", row, StringComparison.Ordinal);
        Assert.Contains("fr-badge--warning fr-badge--sm\">1 alerte</p>", row, StringComparison.Ordinal);
        Assert.Contains("Phase 0 - Initialisation", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_WhenDeliverableSubmittedAndSessionHeldWithoutMinutes_ThenWaitsOnItsConsultantOnly()
    {
        var (establishment, session) = await _app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            var consultant = await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync("consultant@demo.benchmark.test");
            var now = TimeProvider.System.GetUtcNow();
            var stored = await db.ProgrammeDefinitions.SingleAsync(d => d.ProgrammeId == "gestion-flux-patients");
            var definition = stored.Parse();
            var group = await db.Groups.SingleAsync(g => db.Waves.Any(w => w.Id == g.WaveId && w.DefinitionId == stored.Id) && g.ConsultantId == consultant!.Id);
            var enrolment = await db.Enrolments.OrderBy(e => e.Id).FirstAsync(e => e.GroupId == group.Id);
            Check(WorkflowEngine.Execute(definition, enrolment, EnrolmentContext.Empty, new ForceClosePhase(new Actor("admin", "Admin", "ars-referent", IsArsAdmin: true), "initialisation", "Test"), now));
            Check(WorkflowEngine.Execute(definition, enrolment, EnrolmentContext.Empty, new SubmitDeliverable(
                new Actor("cdp", "Chef de projet", "chef-de-projet"), "note-de-cadrage", new SubmissionContent(null, null, null, null, null, "{}")), now));
            var session = await db.Sessions.Where(s => s.GroupId == group.Id && s.EnrolmentId == null && s.Status == SessionStatus.Planned).OrderBy(s => s.StartUtc).FirstAsync();
            Check(session.Schedule(new SessionSlot(session.StartUtc, session.EndUtc, "Salle du conseil", null, null), now));
            Check(session.MarkHeld("", session.EndUtc));
            await db.SaveChangesAsync();
            return ((await db.Establishments.SingleAsync(x => x.Id == enrolment.EstablishmentId)).Name, session.Id);
        });
        using var mine = await _app.SignedInAsync("consultant@demo.benchmark.test");
        using var other = await _app.SignedInAsync("consultant2@demo.benchmark.test");

        var html = System.Net.WebUtility.HtmlDecode(await mine.GetStringAsync(new Uri("/a-traiter", UriKind.Relative)));
        var otherHtml = System.Net.WebUtility.HtmlDecode(await other.GetStringAsync(new Uri("/a-traiter", UriKind.Relative)));

        var review = Assert.Single(Rows(html, "visa"), r => r.Contains(establishment, StringComparison.Ordinal));
        Assert.Contains("Note de cadrage du projet", review, StringComparison.Ordinal);
        Assert.Contains(Rows(html, "compte-rendu"), r => r.Contains($"/seances/{session}/compte-rendu", StringComparison.Ordinal));
        Assert.DoesNotContain(Rows(otherHtml, "visa"), r => r.Contains(establishment, StringComparison.Ordinal));
        Assert.DoesNotContain($"/seances/{session}/", otherHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_WhenCollectiveSessionEndedWithoutItsReport_ThenItsConsultantSeesTheReportOwedAndLate()
    {
        var sessionId = await _app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            var consultant = await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync("consultant@demo.benchmark.test");
            var stored = await db.ProgrammeDefinitions.SingleAsync(d => d.ProgrammeId == "gestion-flux-patients");
            var group = await db.Groups.SingleAsync(g => db.Waves.Any(w => w.Id == g.WaveId && w.DefinitionId == stored.Id) && g.ConsultantId == consultant!.Id);

            // The training ended 12 days ago: its report (due 7 days after its last day) is 5 days late.
            var start = TimeProvider.System.GetUtcNow().AddDays(-13);
            var session = new Session(Guid.CreateVersion7(), group.WaveId, group.Id, null, "formation", Core.Definitions.SessionKind.Collective, start, start.AddDays(1));
            Check(session.Schedule(new SessionSlot(start, start.AddDays(1), "Salle du conseil", null, null), start.AddDays(-20)));
            Check(session.MarkHeld("Compte rendu de la formation.", start.AddDays(1)));
            db.Sessions.Add(session);
            await db.SaveChangesAsync();
            return session.Id;
        });
        using var mine = await _app.SignedInAsync("consultant@demo.benchmark.test");
        using var other = await _app.SignedInAsync("consultant2@demo.benchmark.test");

        var html = System.Net.WebUtility.HtmlDecode(await mine.GetStringAsync(new Uri("/a-traiter", UriKind.Relative)));
        var otherHtml = await other.GetStringAsync(new Uri("/a-traiter", UriKind.Relative));

        var row = Assert.Single(Rows(html, "rapport-ars"), r => r.Contains($"/seances/{sessionId}/rapport-ars", StringComparison.Ordinal));
        Assert.Contains($"/seances/{sessionId}/rapport-ars", row, StringComparison.Ordinal);
        Assert.Contains("Session de formation en région", row, StringComparison.Ordinal);
        Assert.Contains("En retard", row, StringComparison.Ordinal);
        Assert.DoesNotContain(sessionId.ToString(), otherHtml, StringComparison.Ordinal);
    }

    private static List<string> Rows(string html, string kind) =>
        [.. Regex.Matches(html, $"<tr data-task=\"{kind}\"[^>]*>.*?</tr>", RegexOptions.Singleline).Select(m => m.Value)];

    private static void Check<T>(Result<T> result) => Assert.True(result.IsSuccess, result.Error?.Message);
}
