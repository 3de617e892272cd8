using System.Globalization;
using System.Net;
using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Benchmark.Web.Tests.Infrastructure.Mail;

/// <summary>The outbox against a real SMTP server (maildev): an outage loses nothing, a rollback sends nothing.</summary>
public sealed class MaildevDeliveryTests
{
    [MaildevFact]
    public async Task Dispatch_WhenSmtpDownThenUp_ThenPendingWithErrorVisibleThenEachDeliveredOnce()
    {
        var port = MaildevServer.FreePort();
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        using var inner = new BenchmarkApp();
        inner.Settings["Smtp:Host"] = "127.0.0.1";
        inner.Settings["Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture);
        inner.Settings["Smtp:Security"] = "None";
        inner.Settings["Mail:DispatchIntervalSeconds"] = "0";
        inner.Settings["Jobs:Enabled"] = "false";
        await using var app = inner.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var recipients = Enumerable.Range(1, 3).Select(i => $"panne{i}-{suffix}@exemple.test").ToList();
        var queued = new List<OutboxMessage>();
        foreach (var recipient in recipients)
        {
            queued.Add(await QueueAsync(app.Services, recipient));
        }

        // Down: nothing listens on the port.
        Assert.Equal(0, await DispatchAsync(app.Services));
        var down = await ReloadAsync(app.Services, queued);
        Assert.All(down, m =>
        {
            Assert.Equal(OutboxStatus.Pending, m.Status);
            Assert.Equal(1, m.Attempts);
            Assert.StartsWith("SMTP indisponible", m.LastError, StringComparison.Ordinal);
            Assert.True(m.NextAttemptAt > clock.GetUtcNow(), "a retry waits for its backoff");
        });

        // The outage shows on the ArsAdmin page: each message, its attempt and the error.
        var admin = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var signIn = await BenchmarkApp.PostFormAsync(admin, "/connexion", new Dictionary<string, string> { ["Email"] = "admin@demo.benchmark.test", ["Password"] = BenchmarkApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(new Uri("/admin/messages", UriKind.Relative)));
        Assert.All(recipients, r => Assert.Contains($"<td>{r}</td>", page, StringComparison.Ordinal));
        Assert.Contains("SMTP indisponible", page, StringComparison.Ordinal);

        // Before the backoff: no new attempt.
        Assert.Equal(0, await DispatchAsync(app.Services));
        Assert.All(await ReloadAsync(app.Services, queued), m => Assert.Equal(1, m.Attempts));

        // Up: the server starts on that port; once the backoff is over everything goes, once.
        await using var server = await MaildevServer.StartAsync(port);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(3, await DispatchAsync(app.Services));
        Assert.Equal(0, await DispatchAsync(app.Services));

        var sent = await ReloadAsync(app.Services, queued);
        Assert.All(sent, m =>
        {
            Assert.Equal(OutboxStatus.Sent, m.Status);
            Assert.Equal(2, m.Attempts);
        });
        foreach (var message in queued)
        {
            var mail = Assert.Single(await Maildev.WaitForAsync(() => server.Client.WithMessageIdAsync(message.MessageId), 1));
            Assert.Equal(message.Recipient, Assert.Single(mail.To).Address);
            Assert.Single(await server.Client.ToAsync(message.Recipient));
        }
    }

    [MaildevFact]
    public async Task Dispatch_WhenTransactionRolledBack_ThenNothingReachesTheMailbox()
    {
        using var maildev = Maildev.Shared();
        using var app = maildev.NewApp();
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var rolledBack = $"annule-{suffix}@exemple.test";
        var committed = $"valide-{suffix}@exemple.test";
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await sp.GetRequiredService<MailOutbox>().QueueAsync("invitation", rolledBack, new { Name = "R", Link = "https://x.test/" }, $"test:{Guid.NewGuid():N}");
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            return 0;
        });
        var control = await QueueAsync(app.Services, committed);

        await DispatchAsync(app.Services);

        Assert.Single(await Maildev.WaitForAsync(() => maildev.WithMessageIdAsync(control.MessageId), 1));
        Assert.Empty(await maildev.ToAsync(rolledBack));
        Assert.False(await app.WithServicesAsync(sp => sp.GetRequiredService<BenchmarkDbContext>().OutboxMessages.AnyAsync(m => m.Recipient == rolledBack)));
    }

    internal static async Task<OutboxMessage> QueueAsync(IServiceProvider services, string recipient)
    {
        await using var scope = services.CreateAsyncScope();
        var message = await scope.ServiceProvider.GetRequiredService<MailOutbox>()
            .QueueAsync("invitation", recipient, new { Name = "Zoé d'Arc", Link = "https://x.test/invitation" }, $"test:{Guid.NewGuid():N}");
        await scope.ServiceProvider.GetRequiredService<BenchmarkDbContext>().SaveChangesAsync();
        return message;
    }

    internal static async Task<int> DispatchAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync();
    }

    private static async Task<List<OutboxMessage>> ReloadAsync(IServiceProvider services, IEnumerable<OutboxMessage> messages)
    {
        var ids = messages.Select(m => m.Id).ToList();
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BenchmarkDbContext>().OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync();
    }
}
