using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Infrastructure.Mail;

public sealed class SmtpDeliveryTests : IClassFixture<QuietBenchmarkApp>
{
    private readonly QuietBenchmarkApp _app;

    public SmtpDeliveryTests(QuietBenchmarkApp app) => _app = app;

    [Fact]
    public async Task Dispatch_WhenSmtpConfigured_ThenOneConnectionForTheBatchAnd5xxPermanent4xxRetried()
    {
        await using var smtp = new FakeSmtpServer();
        using var host = smtp.For(_app.Factory);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var ok1 = await QueueAsync(host, $"premier-{suffix}@exemple.test");
        var refused = await QueueAsync(host, $"refuse-{suffix}@exemple.test");
        var later = await QueueAsync(host, $"plus-tard-{suffix}@exemple.test");
        var ok2 = await QueueAsync(host, $"second-{suffix}@exemple.test");

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync();
        }

        Assert.Equal(1, smtp.Connections);
        var received = smtp.Received.Where(r => r.To.Any(t => t.EndsWith($"-{suffix}@exemple.test", StringComparison.Ordinal))).ToList();
        Assert.Equal([$"premier-{suffix}@exemple.test", $"second-{suffix}@exemple.test"], received.Select(r => Assert.Single(r.To)));
        Assert.Contains($"Message-Id: <{ok1.MessageId}>", received[0].Data, StringComparison.OrdinalIgnoreCase);
        await using var check = host.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<BenchmarkDbContext>();
        var states = await db.OutboxMessages.AsNoTracking().Where(m => new[] { ok1.Id, refused.Id, later.Id, ok2.Id }.Contains(m.Id)).ToDictionaryAsync(m => m.Id);
        Assert.Equal(OutboxStatus.Sent, states[ok1.Id].Status);
        Assert.Equal(OutboxStatus.Sent, states[ok2.Id].Status);
        Assert.Equal(OutboxStatus.Failed, states[refused.Id].Status);
        Assert.Contains("550", states[refused.Id].LastError, StringComparison.Ordinal);
        Assert.Equal(OutboxStatus.Pending, states[later.Id].Status);
        Assert.Equal(1, states[later.Id].Attempts);
        Assert.True(states[later.Id].NextAttemptAt > TimeProvider.System.GetUtcNow());
    }

    private static async Task<OutboxMessage> QueueAsync(WebApplicationFactory<Program> host, string recipient)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var message = await scope.ServiceProvider.GetRequiredService<MailOutbox>()
            .QueueAsync("invitation", recipient, new { Name = "Zoé", Link = "https://x.test/invitation" }, $"test:{Guid.NewGuid():N}");
        await scope.ServiceProvider.GetRequiredService<BenchmarkDbContext>().SaveChangesAsync();
        return message;
    }
}
