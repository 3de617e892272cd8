using System.Net;
using Benchmark.Core.Domain;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Benchmark.Web.Infrastructure.Mail;
using Benchmark.Web.Tests.Infrastructure;
using Benchmark.Web.Tests.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.Outbox;

public sealed class MessagesTests(QuietBenchmarkApp app) : IClassFixture<QuietBenchmarkApp>
{
    private const string Admin = "admin@demo.benchmark.test";

    [Fact]
    public async Task Get_WhenArsAdmin_ThenFailedAndRetriedPendingListedWithAttemptsErrorAndParisTimes()
    {
        var now = TimeProvider.System.GetUtcNow();
        var failed = await AddAsync("echec", m => m.MarkFailed("SMTP 550 : boîte inconnue <x>", permanent: true, now));
        var retrying = await AddAsync("retente", m => m.MarkFailed("SMTP indisponible : connexion refusée", permanent: false, now));
        var fresh = await AddAsync("frais", _ => { });
        var sent = await AddAsync("parti", m => m.MarkSent(now));
        var client = await app.SignedInAsync(Admin);

        var response = await client.GetAsync(new Uri("/admin/messages", UriKind.Relative));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<caption>Messages en échec ou en attente</caption>", html, StringComparison.Ordinal);
        Assert.Contains(failed.Recipient, html, StringComparison.Ordinal);
        Assert.Contains("SMTP 550 : boîte inconnue <x>", html, StringComparison.Ordinal);
        Assert.Contains(retrying.Recipient, html, StringComparison.Ordinal);
        Assert.Contains("SMTP indisponible : connexion refusée", html, StringComparison.Ordinal);
        Assert.Contains(ParisTime.ToParis(failed.CreatedAt).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
        Assert.DoesNotContain(fresh.Recipient, html, StringComparison.Ordinal);
        Assert.DoesNotContain(sent.Recipient, html, StringComparison.Ordinal);
        Assert.Contains($"name=\"messageId\" value=\"{failed.Id}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"name=\"messageId\" value=\"{retrying.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/messages\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("referent@demo.benchmark.test")]
    [InlineData("consultant@demo.benchmark.test")]
    [InlineData("equipe@demo.benchmark.test")]
    public async Task GetAndPost_WhenNotArsAdmin_Then404AndNothingChanged(string email)
    {
        var failed = await AddAsync("interdit", m => m.MarkFailed("SMTP 550", permanent: true, TimeProvider.System.GetUtcNow()));
        var client = await app.SignedInAsync(email);

        var get = await client.GetAsync(new Uri("/admin/messages", UriKind.Relative));
        var post = await BenchmarkApp.PostFormAsync(client, "/admin/messages?handler=Resend",
            new Dictionary<string, string> { ["messageId"] = failed.Id.ToString() }, formPage: "/compte");
        var dashboard = await client.GetStringAsync(new Uri("/tableau-de-bord", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.DoesNotContain(failed.Recipient, await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin/messages\"", dashboard, StringComparison.Ordinal);
        Assert.Equal(OutboxStatus.Failed, (await ReloadAsync(failed.Id)).Status);
    }

    [Fact]
    public async Task Resend_WhenFailed_ThenAuditedPendingThenSentOnceWithTheSameMessageId()
    {
        var failed = await AddAsync("renvoi", m => m.MarkFailed("SMTP 550 : refusé", permanent: true, TimeProvider.System.GetUtcNow()));
        var client = await app.SignedInAsync(Admin);

        var response = await BenchmarkApp.PostFormAsync(client, "/admin/messages?handler=Resend",
            new Dictionary<string, string> { ["messageId"] = failed.Id.ToString() }, formPage: "/admin/messages");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/admin/messages", UriKind.Relative)));
        Assert.Contains($"à {failed.Recipient} est remis en file d'envoi", page, StringComparison.Ordinal);
        var audit = await app.WithServicesAsync(sp => sp.GetRequiredService<BenchmarkDbContext>().AuditEvents.AsNoTracking()
            .SingleAsync(a => a.Action == "outbox.resend" && a.Target.StartsWith(failed.Recipient)));
        Assert.Equal("Alice Administratrice (ARS)", audit.Actor);
        Assert.Contains("SMTP 550 : refusé", audit.Before, StringComparison.Ordinal);
        Assert.NotEqual(OutboxStatus.Failed, (await ReloadAsync(failed.Id)).Status);

        await app.WithServicesAsync(sp => sp.GetRequiredService<OutboxDispatcher>().DispatchAsync());

        var after = await ReloadAsync(failed.Id);
        Assert.Equal(OutboxStatus.Sent, after.Status);
        Assert.Equal(2, after.Attempts);
        Assert.Equal(failed.MessageId, after.MessageId);
        Assert.True(File.Exists(Path.Combine(app.PickupDirectory, PickupDirectoryMailDelivery.FileName(failed.MessageId))));

        // A second "Renvoyer" on a message that is no longer failed changes nothing.
        var again = await BenchmarkApp.PostFormAsync(client, "/admin/messages?handler=Resend",
            new Dictionary<string, string> { ["messageId"] = failed.Id.ToString() }, formPage: "/admin/messages");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Equal((OutboxStatus.Sent, 2), ((await ReloadAsync(failed.Id)).Status, (await ReloadAsync(failed.Id)).Attempts));
    }

    [Fact]
    public async Task Resend_WhenNoAntiforgeryToken_ThenRejectedAndStillFailed()
    {
        var failed = await AddAsync("jeton", m => m.MarkFailed("SMTP 550", permanent: true, TimeProvider.System.GetUtcNow()));
        var client = await app.SignedInAsync(Admin);

        var response = await client.PostAsync(new Uri("/admin/messages?handler=Resend", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["messageId"] = failed.Id.ToString() }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(OutboxStatus.Failed, (await ReloadAsync(failed.Id)).Status);
    }

    private Task<OutboxMessage> AddAsync(string name, Action<OutboxMessage> state) => app.WithServicesAsync(async sp =>
    {
        var recipient = $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)] + "@exemple.test";
        var message = new OutboxMessage(Guid.CreateVersion7(), $"test:{Guid.NewGuid():N}", "invitation", recipient, $"Objet {name}",
            MailOutbox.Payload("invitation", new { Name = "Zoé", Link = "https://x.test/" }).ToJsonString(), TimeProvider.System.GetUtcNow());
        state(message);
        var db = sp.GetRequiredService<BenchmarkDbContext>();
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message;
    });

    private Task<OutboxMessage> ReloadAsync(Guid id) =>
        app.WithServicesAsync(sp => sp.GetRequiredService<BenchmarkDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));
}
