using System.Globalization;
using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Benchmark.Web.Tests.Infrastructure.Mail;

/// <summary>
/// The dispatcher's drain: every due message in one call over one connection, and what a crash may re-send — the
/// messages sent but not yet recorded — stays within <see cref="OutboxDispatcher.MaxUnrecorded"/>.
/// </summary>
public sealed class OutboxDrainTests : IClassFixture<QuietBenchmarkApp>
{
    private const int Count = (2 * OutboxDispatcher.BatchSize) + 7;

    private readonly QuietBenchmarkApp _app;

    public OutboxDrainTests(QuietBenchmarkApp app) => _app = app;

    [Fact]
    public async Task Dispatch_WhenMoreThanTwoBatchesDue_ThenAllSentInOneCallOverOneSmtpConnection()
    {
        await using var smtp = new FakeSmtpServer();
        using var host = smtp.For(_app.Factory);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var queued = await QueueAsync(host, suffix);

        var sent = await DispatchAsync(host);

        Assert.True(sent >= Count, $"{sent} sent in one call, {Count} queued");
        Assert.Equal(0, await DispatchAsync(host));
        Assert.Equal(1, smtp.Connections);
        var received = smtp.Received.Where(r => r.To.Any(t => t.EndsWith($"-{suffix}@exemple.test", StringComparison.Ordinal))).ToList();
        Assert.Equal(queued.Select(m => m.Recipient).Order(StringComparer.Ordinal), received.Select(r => Assert.Single(r.To)).Order(StringComparer.Ordinal));
        Assert.All(await ReloadAsync(host, queued), m => Assert.Equal((OutboxStatus.Sent, 1), (m.Status, m.Attempts)));
    }

    [Fact]
    public async Task Dispatch_WhileSending_ThenNeverMoreThanMaxUnrecordedSentButNotRecorded()
    {
        var delivery = new WatchedDelivery();
        using var host = delivery.For(_app.Factory);
        var queued = await QueueAsync(host, Guid.NewGuid().ToString("N")[..8]);
        var mine = queued.Select(m => m.MessageId).ToHashSet(StringComparer.Ordinal);
        var widest = 0;
        delivery.BeforeSend = async () =>
        {
            // What a kill -9 right now would send again: delivered, yet not Sent in the database.
            var delivered = delivery.Delivered.Where(mine.Contains).ToList();
            await using var scope = host.Services.CreateAsyncScope();
            var recorded = await scope.ServiceProvider.GetRequiredService<BenchmarkDbContext>().OutboxMessages
                .CountAsync(m => delivered.Contains(m.MessageId) && m.Status == OutboxStatus.Sent);
            widest = Math.Max(widest, delivered.Count - recorded);
        };

        await DispatchAsync(host);

        Assert.Equal(1, delivery.Opened);
        Assert.Equal(Count, delivery.Delivered.Count);
        Assert.True(mine.SetEquals(delivery.Delivered), "each queued message handed to the server once");
        Assert.InRange(widest, 0, OutboxDispatcher.MaxUnrecorded);
        Assert.All(await ReloadAsync(host, queued), m => Assert.Equal((OutboxStatus.Sent, 1), (m.Status, m.Attempts)));
    }

    [Fact]
    public async Task Dispatch_WhenCancelledMidBatch_ThenWhatWasSentIsRecordedAndTheRestStaysPendingUnderLease()
    {
        var delivery = new WatchedDelivery();
        using var host = delivery.For(_app.Factory);
        var queued = await QueueAsync(host, Guid.NewGuid().ToString("N")[..8]);
        using var stop = new CancellationTokenSource();
        delivery.BeforeSend = () =>
        {
            // Shutdown after the 23rd message: the 24th is never handed to the server.
            if (delivery.Delivered.Count == 23)
            {
                stop.Cancel();
            }

            return Task.CompletedTask;
        };

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(stop.Token));
        }

        var rows = await ReloadAsync(host, queued);
        var delivered = delivery.Delivered.ToHashSet(StringComparer.Ordinal);
        Assert.Equal(23, delivered.Count);
        Assert.All(rows.Where(m => delivered.Contains(m.MessageId)), m => Assert.Equal((OutboxStatus.Sent, 1), (m.Status, m.Attempts)));
        var rest = rows.Where(m => !delivered.Contains(m.MessageId)).ToList();
        Assert.Equal(Count - 23, rest.Count);
        Assert.All(rest, m => Assert.Equal((OutboxStatus.Pending, 0), (m.Status, m.Attempts)));
        // The rest of the claimed batch waits for the lease; no other dispatcher takes it meanwhile.
        Assert.Equal(OutboxDispatcher.BatchSize - 23, rest.Count(m => m.NextAttemptAt > TimeProvider.System.GetUtcNow().AddMinutes(1)));

        // The next run sends the unclaimed rest (the class's outbox is otherwise empty), and not the leased ones.
        Assert.Equal(Count - OutboxDispatcher.BatchSize, await DispatchAsync(host));
        Assert.Equal(23 + Count - OutboxDispatcher.BatchSize, delivery.Delivered.Count);
    }

    private static async Task<List<OutboxMessage>> QueueAsync(WebApplicationFactory<Program> host, string suffix)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<MailOutbox>();
        var queued = new List<OutboxMessage>();
        for (var i = 0; i < Count; i++)
        {
            var recipient = string.Create(CultureInfo.InvariantCulture, $"p{i:D3}-{suffix}@exemple.test");
            queued.Add(await outbox.QueueAsync("invitation", recipient, new { Name = "Zoé", Link = "https://x.test/invitation" }, $"test:{Guid.NewGuid():N}"));
        }

        await scope.ServiceProvider.GetRequiredService<BenchmarkDbContext>().SaveChangesAsync();
        return queued;
    }

    private static async Task<int> DispatchAsync(WebApplicationFactory<Program> host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync();
    }

    private static async Task<List<OutboxMessage>> ReloadAsync(WebApplicationFactory<Program> host, List<OutboxMessage> messages)
    {
        var ids = messages.Select(m => m.Id).ToList();
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BenchmarkDbContext>().OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync();
    }

    /// <summary>A delivery that keeps the Message-IDs it was handed and runs a check before each.</summary>
    private sealed class WatchedDelivery : IMailDelivery, IMailBatch
    {
        public Func<Task> BeforeSend { get; set; } = () => Task.CompletedTask;

        public List<string> Delivered { get; } = [];

        public int Opened { get; private set; }

        /// <summary>
        /// The application sending through this delivery, on the given host's database, without Hangfire: a minutely
        /// dispatch job sending through this delivery too would count in <see cref="Delivered"/> and record on its own.
        /// </summary>
        public WebApplicationFactory<Program> For(WebApplicationFactory<Program> host) =>
            host.WithWebHostBuilder(b => b.UseSetting("Jobs:Enabled", "false").ConfigureTestServices(s => s.AddSingleton<IMailDelivery>(this)));

        public Task<IMailBatch> OpenBatchAsync(CancellationToken cancellationToken)
        {
            Opened++;
            return Task.FromResult<IMailBatch>(this);
        }

        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            await BeforeSend();
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            Delivered.Add(message.MessageId ?? "");
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
