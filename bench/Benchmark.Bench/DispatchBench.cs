using System.Diagnostics;
using System.Globalization;
using Benchmark.Data;
using Benchmark.Web.Infrastructure.Mail;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Benchmark.Bench;

/// <summary>
/// Measure 2: the application's <see cref="OutboxDispatcher"/> (SMTP delivery, as configured by <c>Smtp:*</c>) sending
/// 2,000 queued reminders to maildev, against the baseline of raw MailKit sending the same 2,000 MimeMessages (built
/// beforehand by the dispatcher's own <see cref="OutboxDispatcher.BuildAsync"/>) on one reused connection. Both run in
/// each round, in alternating order; maildev is cleared before each send and must then hold exactly the 2,000
/// expected Message-IDs, once each.
/// </summary>
internal sealed class DispatchBench(BenchOptions options)
{
    private double _buildMs;
    private (int RoundTrips, double SqlMs, double TotalMs) _sql;

    public async Task<Report> RunAsync()
    {
        var report = new Report("Outbox dispatch");
        await using var database = await BenchDatabase.CreateAsync(options.Postgres, "dispatch");
        using var maildev = new Maildev(options.MaildevApi);
        using var app = new AppHost(options.RepositoryRoot, new Dictionary<string, string?>(database.Settings)
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = options.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
        });

        // Warm-up: JIT and connection pools on both paths.
        await RoundAsync(app, maildev, 100, -1, appFirst: false);

        var app1 = new List<double>();
        var raw1 = new List<double>();
        for (var round = 0; round < options.DispatchRounds; round++)
        {
            var (appRate, rawRate) = await RoundAsync(app, maildev, options.Messages, round, appFirst: round % 2 == 1);
            app1.Add(appRate);
            raw1.Add(rawRate);
            report.Note($"Round {round + 1}: application {appRate:N0} messages/s, raw MailKit {rawRate:N0} messages/s, ratio {appRate / rawRate:N2}; "
                + $"maildev received {options.Messages:N0} distinct Message-IDs each time. Rendering alone (OutboxDispatcher.BuildAsync: Fluid templates + MIME) "
                + $"took {_buildMs / options.Messages:N2} ms per message, i.e. {options.Messages / (_buildMs / 1000):N0} messages/s. "
                + $"The application's dispatch made {_sql.RoundTrips:N0} SQL round trips ({(double)_sql.RoundTrips / options.Messages:N1} per message) "
                + $"taking {_sql.SqlMs:N0} ms of its {_sql.TotalMs:N0} ms.");
        }

        var ratio = Stats.Median(app1) / Stats.Median(raw1);
        report.Add($"dispatch of {options.Messages:N0}: application OutboxDispatcher (median)", $"{Stats.F(Stats.Median(app1))} messages/s", "");
        report.Add($"dispatch of {options.Messages:N0}: raw MailKit, one connection (median)", $"{Stats.F(Stats.Median(raw1))} messages/s", "baseline");
        report.Add("dispatch: ratio application / raw", Stats.F(ratio, 2), "≥ 0.8", ratio >= 0.8);
        report.Add("dispatch: maildev received exactly the messages, each once", $"{options.DispatchRounds} × 2 sends checked", "all", true);
        return report;
    }

    /// <summary>Queues <paramref name="count"/> reminders; sends them raw and through the application; returns both rates.</summary>
    private async Task<(double App, double Raw)> RoundAsync(AppHost app, Maildev maildev, int count, int round, bool appFirst)
    {
        var expected = await app.InScopeAsync(sp => QueueAsync(sp, count, round));
        var mimes = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            var dispatcher = sp.GetRequiredService<OutboxDispatcher>();
            var messages = await db.OutboxMessages.AsNoTracking().Where(m => expected.Contains(m.MessageId)).OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).ToListAsync();
            var stopwatch = Stopwatch.StartNew();
            var built = new List<MimeMessage>();
            foreach (var message in messages)
            {
                built.Add(await dispatcher.BuildAsync(message));
            }

            _buildMs = stopwatch.Elapsed.TotalMilliseconds;
            return built;
        });

        double appRate = 0, rawRate = 0;
        foreach (var path in appFirst ? new[] { true, false } : [false, true])
        {
            await maildev.ClearAsync();
            var elapsed = path ? await DispatchAsync(app, count) : await RawAsync(mimes);
            await CheckAsync(maildev, expected, path ? "application" : "raw MailKit");
            (appRate, rawRate) = path ? (count / elapsed.TotalSeconds, rawRate) : (appRate, count / elapsed.TotalSeconds);
        }

        await maildev.ClearAsync();
        return (appRate, rawRate);
    }

    private static async Task<HashSet<string>> QueueAsync(IServiceProvider services, int count, int round)
    {
        var outbox = services.GetRequiredService<MailOutbox>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var model = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["recipient_name"] = string.Create(CultureInfo.InvariantCulture, $"Personne {i}"),
                ["title"] = "Séance collective n° 3 – revue des indicateurs",
                ["programme"] = "Gestion des flux patients",
                ["start"] = "mercredi 24 mars 2027 à 09:30",
                ["end_time"] = "12:30",
                ["location"] = "Salle du conseil, 1 rue de la Santé, Toulouse",
                ["visio_url"] = "https://visio.bench.test/salle",
            };
            var recipient = string.Create(CultureInfo.InvariantCulture, $"p{i}@etab{i % 1000}.bench.test");
            var message = await outbox.QueueAsync(new ReminderMail("rappel-session", model), recipient, string.Create(CultureInfo.InvariantCulture, $"bench:dispatch:{round}:{i}"));
            ids.Add(message.MessageId);
        }

        await services.GetRequiredService<BenchmarkDbContext>().SaveChangesAsync();
        return ids;
    }

    /// <summary>What the dispatch job does, until nothing is due: the application's code end to end (claim, render, send, mark).</summary>
    private async Task<TimeSpan> DispatchAsync(AppHost app, int count)
    {
        app.Sql.Reset();
        var stopwatch = Stopwatch.StartNew();
        var sent = 0;
        int batch;
        do
        {
            batch = await app.InScopeAsync(sp => sp.GetRequiredService<OutboxDispatcher>().DispatchAsync());
            sent += batch;
        }
        while (batch > 0);

        var elapsed = stopwatch.Elapsed;
        var commands = app.Sql.Commands;
        _sql = (commands.Count, commands.Sum(c => c.Duration.TotalMilliseconds), elapsed.TotalMilliseconds);
        return sent == count ? elapsed : throw new InvalidOperationException($"The dispatcher sent {sent} messages, {count} expected");
    }

    private async Task<TimeSpan> RawAsync(List<MimeMessage> messages)
    {
        var stopwatch = Stopwatch.StartNew();
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", options.SmtpPort, SecureSocketOptions.None);
        foreach (var message in messages)
        {
            await client.SendAsync(message);
        }

        await client.DisconnectAsync(quit: true);
        return stopwatch.Elapsed;
    }

    private static async Task CheckAsync(Maildev maildev, HashSet<string> expected, string path)
    {
        await maildev.WaitForAsync(expected.Count, TimeSpan.FromSeconds(60));
        var received = await maildev.MessageIdsAsync();
        if (received.Count != expected.Count || !expected.SetEquals(received))
        {
            throw new InvalidOperationException(
                $"{path}: maildev holds {received.Count} messages ({received.Distinct(StringComparer.Ordinal).Count()} distinct Message-IDs), {expected.Count} expected");
        }
    }
}
