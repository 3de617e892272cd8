using System.Net;
using Benchmark.Core.Domain;
using Benchmark.Core.OfficeSurgery;
using Benchmark.Data;
using Benchmark.Web.Tests.Features.Roadmap;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.AdverseEvents;

/// <summary>/parcours/{enrolmentId}/evenements-indesirables: a report raises a critical alert and mails the wave's ARS referents, audited.</summary>
public sealed class AdverseEventTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    private const string Team = "equipe@demo.benchmark.test";

    private static string PathOf(Guid enrolment) => $"/parcours/{enrolment}/evenements-indesirables";

    private static Dictionary<string, string> Report(string description) => new()
    {
        ["OccurredOn"] = "2026-01-15",
        ["Timing"] = "Early",
        ["CcamCode"] = "bjma002",
        ["Description"] = description,
        ["Measures"] = "Reprise chirurgicale au bloc, patient hospitalisé",
    };

    [Fact]
    public async Task Report_WhenComplete_ThenCriticalAlertOutboxMailToReferentAndAudit()
    {
        var enrolment = await StructuredData.EnrolmentAsync(app, 0, "office-surgery");
        using var client = await app.SignedInAsync(Team);

        var response = await BenchmarkApp.PostFormAsync(client, PathOf(enrolment), Report("Hématome compressif à J1"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (reported, alert, mails, audit) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            var e = await db.Set<AdverseEvent>().SingleAsync(x => x.EnrolmentId == enrolment);
            return (e, await db.Alerts.SingleAsync(a => a.Key == $"eig:{e.Id}"),
                await db.OutboxMessages.Where(m => m.IdempotencyKey.StartsWith($"eig:{e.Id}:")).ToListAsync(),
                await db.AuditEvents.SingleAsync(a => a.EnrolmentId == enrolment && a.Action == "eig.report"));
        });
        Assert.Equal(("BJMA002", AdverseEventTiming.Early), (reported.CcamCode, reported.Timing));
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Equal(enrolment, alert.EnrolmentId);
        Assert.Contains("Hématome compressif à J1", alert.Message, StringComparison.Ordinal);
        var mail = Assert.Single(mails);
        Assert.Equal("referent@demo.benchmark.test", mail.Recipient);
        Assert.Equal("eig-signalement", mail.Kind);
        Assert.Contains("Événement indésirable grave signalé", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Hématome compressif à J1", audit.After, StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(PathOf(enrolment), UriKind.Relative)));
        Assert.Contains("Hématome compressif à J1", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CcamCode", "BJM2", "n'est pas un code CCAM")]
    [InlineData("OccurredOn", "2999-01-01", "ne peut être dans le futur")]
    [InlineData("Measures", "", "Indiquez les mesures immédiates prises.")]
    public async Task Report_WhenBadInput_ThenFrenchErrorNoAlertNoMail(string field, string value, string message)
    {
        var enrolment = await StructuredData.EnrolmentAsync(app, 1, "office-surgery");
        using var client = await app.SignedInAsync("equipe2@demo.benchmark.test");
        var fields = Report("Malaise vagal");
        fields[field] = value;

        var response = await BenchmarkApp.PostFormAsync(client, PathOf(enrolment), fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var counts = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            return (await db.Set<AdverseEvent>().CountAsync(e => e.EnrolmentId == enrolment), await db.Alerts.CountAsync(a => a.EnrolmentId == enrolment && a.Key.StartsWith("eig:")));
        });
        Assert.Equal((0, 0), counts);
    }

    [Fact]
    public async Task Report_WhenAnotherEstablishmentsTeamOrReviewer_ThenNotFound()
    {
        var enrolment = await StructuredData.EnrolmentAsync(app, 0, "office-surgery");
        using var other = await app.SignedInAsync("equipe2@demo.benchmark.test");
        using var reviewer = await app.SignedInAsync("referent@demo.benchmark.test");
        var token = BenchmarkApp.AntiforgeryToken(await reviewer.GetStringAsync(new Uri(PathOf(enrolment), UriKind.Relative)));

        var read = await other.GetAsync(new Uri(PathOf(enrolment), UriKind.Relative));
        var post = await reviewer.PostAsync(new Uri(PathOf(enrolment), UriKind.Relative), new FormUrlEncodedContent(Report("Par l'ARS").Append(new("__RequestVerificationToken", token))));

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }
}
