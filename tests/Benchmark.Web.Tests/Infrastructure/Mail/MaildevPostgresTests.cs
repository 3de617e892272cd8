using Benchmark.Data;
using Benchmark.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Infrastructure.Mail;

/// <summary>Two application nodes on one PostgreSQL database sending to one real SMTP server (maildev).</summary>
[Collection(PostgresFixture.Collection)]
public sealed class MaildevPostgresTests(PostgresFixture postgres)
{
    // More than two batches: the four drainers' first claims (50, 50, 20, 0) reach at least three drainers, so both nodes.
    private const int Count = (2 * OutboxDispatcher.BatchSize) + 20;

    [MaildevPostgresFact]
    public async Task Dispatch_WhenTwoNodesRaceOnOnePostgres_ThenEachMessageDeliveredExactlyOnce()
    {
        using var maildev = Maildev.Shared();
        var database = await PostgresDemoApp.MigratedDatabaseForAsync(postgres, GetType());

        // Two nodes: two hosts (own services, own SMTP connections), one database, Hangfire off (the test dispatches).
        using var inner = maildev.NewApp();
        await using var nodeA = Node(inner, database);
        await using var nodeB = Node(inner, database);

        // Both nodes running and warm (host built, dispatch queries compiled) before the race, as two live nodes are.
        Assert.Equal(0, await MaildevDeliveryTests.DispatchAsync(nodeA.Services));
        Assert.Equal(0, await MaildevDeliveryTests.DispatchAsync(nodeB.Services));
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var queued = new List<Core.Domain.OutboxMessage>();
        for (var i = 0; i < Count; i++)
        {
            queued.Add(await MaildevDeliveryTests.QueueAsync(nodeA.Services, $"noeud{i}-{suffix}@exemple.test"));
        }

        var sent = await Task.WhenAll(
            Task.Run(() => DrainAsync(nodeA.Services)), Task.Run(() => DrainAsync(nodeB.Services)),
            Task.Run(() => DrainAsync(nodeA.Services)), Task.Run(() => DrainAsync(nodeB.Services)));

        Assert.Equal(Count, sent.Sum());
        Assert.True(sent.Count(n => n > 0) >= 2, $"both nodes should have sent some: {string.Join(", ", sent)}");
        foreach (var message in queued)
        {
            Assert.Single(await Maildev.WaitForAsync(() => maildev.WithMessageIdAsync(message.MessageId), 1));
        }

        await using var check = nodeB.Services.CreateAsyncScope();
        var ids = queued.Select(m => m.Id).ToList();
        var rows = await check.ServiceProvider.GetRequiredService<BenchmarkDbContext>().OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync();
        Assert.All(rows, m => Assert.Equal((Core.Domain.OutboxStatus.Sent, 1), (m.Status, m.Attempts)));
    }

    private static WebApplicationFactory<Program> Node(BenchmarkApp inner, PostgresDatabase database) => inner.WithWebHostBuilder(builder => builder
        .UseSetting("Database:Provider", "PostgreSql")
        .UseSetting("ConnectionStrings:Default", database.ConnectionString)
        .UseSetting("Jobs:Storage", "InMemory"));

    /// <summary>Dispatches until nothing is left for this node (one batch takes at most 50 messages).</summary>
    private static async Task<int> DrainAsync(IServiceProvider node)
    {
        var total = 0;
        while (await MaildevDeliveryTests.DispatchAsync(node) is var sent and > 0)
        {
            total += sent;
        }

        return total;
    }
}
