using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Benchmark.Data;
using Benchmark.Web.Infrastructure.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Bench;

/// <summary>
/// Measure 3: the built application (<c>Benchmark.Web.dll</c>, its own process, on PostgreSQL, SMTP = maildev, Hangfire
/// jobs on) starts with 500 pending messages; once maildev holds some but not all it is killed with SIGKILL, then
/// started again until the outbox is empty. Lost = expected Message-IDs maildev never received; duplicated = those it
/// received more than once, never more than the messages in flight at the kill (claimed, not marked sent), nor than
/// those sent but not recorded (at most <see cref="OutboxDispatcher.MaxUnrecorded"/> per running dispatcher).
/// </summary>
internal sealed class KillBench(BenchOptions options)
{
    public async Task<Report> RunAsync()
    {
        var report = new Report("Kill -9 during dispatch");
        await using var database = await BenchDatabase.CreateAsync(options.Postgres, "kill");
        using var maildev = new Maildev(options.MaildevApi);
        await maildev.ClearAsync();

        HashSet<string> expected;
        using (var host = new AppHost(options.RepositoryRoot, database.Settings))
        {
            expected = await host.InScopeAsync(async sp =>
            {
                var outbox = sp.GetRequiredService<MailOutbox>();
                var ids = new HashSet<string>(StringComparer.Ordinal);
                for (var i = 0; i < options.KillMessages; i++)
                {
                    var message = await outbox.QueueAsync(
                        new ReminderMail("rappel-session", new Dictionary<string, string>(StringComparer.Ordinal)
                        {
                            ["recipient_name"] = string.Create(CultureInfo.InvariantCulture, $"Personne {i}"),
                            ["title"] = "Séance individuelle SI2",
                            ["programme"] = "Gestion des flux patients",
                            ["start"] = "jeudi 25 mars 2027 à 14:00",
                            ["location"] = "Bureau 12",
                        }),
                        string.Create(CultureInfo.InvariantCulture, $"k{i}@etab{i % 100}.bench.test"),
                        string.Create(CultureInfo.InvariantCulture, $"bench:kill:{i}"));
                    ids.Add(message.MessageId);
                }

                await sp.GetRequiredService<BenchmarkDbContext>().SaveChangesAsync();
                return ids;
            });
        }

        var log = Path.Combine(Path.GetTempPath(), $"benchmark-bench-kill-{Environment.ProcessId}.log");
        var stopwatch = Stopwatch.StartNew();
        int atKill;
        long inFlight, sentAtKill;
        using (var first = StartApp(database, log))
        {
            atKill = await WaitForSomeAsync(maildev, first, Math.Max(1, options.KillMessages / 5), options.KillMessages);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        var killedAfter = stopwatch.Elapsed;
        await Task.Delay(500);
        var settledAtKill = await maildev.CountAsync();
        sentAtKill = await database.ScalarAsync("""SELECT COUNT(*) FROM "OutboxMessages" WHERE "Status" = 'Sent'""");
        // Claimed and not marked: the lease moved the next attempt ahead; those may have reached the server already.
        inFlight = await database.ScalarAsync("""SELECT COUNT(*) FROM "OutboxMessages" WHERE "Status" = 'Pending' AND "Attempts" = 0 AND "NextAttemptAt" > now() + interval '1 minute'""");
        report.Note($"Killed (SIGKILL) after {killedAfter.TotalSeconds:N1} s with {atKill} messages in maildev ({settledAtKill} once settled); the database had "
            + $"{sentAtKill} marked sent and {inFlight} claimed but not marked (in flight).");
        if (inFlight > 0 && !options.WaitLease)
        {
            // The lease (OutboxDispatcher.Lease, 5 minutes) keeps a claimed message from being retried until it expires;
            // the bench moves the clock of those rows instead of waiting (bench/run.sh --wait-lease waits for real).
            await database.ExecuteAsync("""UPDATE "OutboxMessages" SET "NextAttemptAt" = now() WHERE "Status" = 'Pending' AND "NextAttemptAt" > now()""");
            report.Note($"Lease of the {inFlight} in-flight message(s) expired by hand (5 minutes not waited).");
        }

        stopwatch.Restart();
        using (var second = StartApp(database, log))
        {
            var deadline = TimeSpan.FromSeconds(options.WaitLease ? 420 : 120);
            while (await database.ScalarAsync("""SELECT COUNT(*) FROM "OutboxMessages" WHERE "Status" <> 'Sent'""") > 0)
            {
                if (second.HasExited || stopwatch.Elapsed > deadline)
                {
                    throw new InvalidOperationException($"The restarted application did not empty the outbox (see {log})");
                }

                await Task.Delay(200);
            }

            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }

        report.Note($"Restarted: outbox empty {stopwatch.Elapsed.TotalSeconds:N1} s later.");
        File.Delete(log);
        await maildev.WaitForAsync(expected.Count, TimeSpan.FromSeconds(10));
        var received = await maildev.MessageIdsAsync();
        var counts = received.GroupBy(id => id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var lost = expected.Count(id => !counts.ContainsKey(id));
        var duplicated = counts.Count(c => c.Value > 1);
        var strangers = counts.Keys.Count(id => !expected.Contains(id));
        report.Note($"maildev holds {received.Count} messages: {counts.Count} distinct Message-IDs, {lost} expected ones missing, {duplicated} received more than once, {strangers} unexpected.");
        report.Add($"kill -9: lost (of {options.KillMessages})", $"{lost}", "0", lost == 0 && strangers == 0);
        report.Add("kill -9: duplicated", $"{duplicated} (in flight at the kill: {inFlight})", "0, never > in flight", duplicated <= inFlight);
        // Sent but not recorded at the kill: what reached maildev minus what the database had marked sent. Bounded per
        // running dispatcher by OutboxDispatcher.MaxUnrecorded; the process may run two (background service and job).
        var unrecorded = settledAtKill - sentAtKill;
        var bound = 2 * OutboxDispatcher.MaxUnrecorded;
        report.Add("kill -9: sent but not recorded at the kill (may be sent twice)", $"{unrecorded}", $"≤ {bound} (2 dispatchers × MaxUnrecorded {OutboxDispatcher.MaxUnrecorded})",
            unrecorded <= bound && duplicated <= Math.Max(unrecorded, 0));
        report.Add("kill -9: received at the kill", $"{settledAtKill} of {options.KillMessages}", "some, not all", settledAtKill > 0 && settledAtKill < options.KillMessages);
        await maildev.ClearAsync();
        return report;
    }

    /// <summary>The built application, as an operator runs it, on a free loopback port.</summary>
    private Process StartApp(BenchDatabase database, string log)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { options.AppDll },
            WorkingDirectory = options.RepositoryRoot,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePort()}"),
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__Default"] = database.ConnectionString,
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = options.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Smtp__Security"] = "None",
            ["Jobs__Enabled"] = "true",
            ["Mail__DispatchIntervalSeconds"] = "1",
            ["Demo__SeedOnStart"] = "false",
            ["App__DataDirectory"] = Path.Combine(Path.GetTempPath(), "benchmark-bench"),
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var writer = File.AppendText(log);
        writer.AutoFlush = true;
        process.OutputDataReceived += (_, e) => Append(writer, e.Data);
        process.ErrorDataReceived += (_, e) => Append(writer, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Append(StreamWriter writer, string? line)
    {
        if (line is not null)
        {
            lock (writer)
            {
                writer.WriteLine(line);
            }
        }
    }

    /// <summary>Polls maildev until it holds at least <paramref name="some"/> messages; the app must not have finished by then.</summary>
    private static async Task<int> WaitForSomeAsync(Maildev maildev, Process app, int some, int all)
    {
        var deadline = Environment.TickCount64 + 120_000;
        while (Environment.TickCount64 < deadline)
        {
            if (app.HasExited)
            {
                throw new InvalidOperationException($"The application exited with code {app.ExitCode} before sending");
            }

            var count = await maildev.CountAsync();
            if (count >= some)
            {
                return count < all ? count : throw new InvalidOperationException("Every message was sent before the kill: nothing measured");
            }

            await Task.Delay(25);
        }

        throw new InvalidOperationException("The application sent nothing within two minutes");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
