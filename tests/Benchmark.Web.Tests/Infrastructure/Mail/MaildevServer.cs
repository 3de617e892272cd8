using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Benchmark.Web.Tests.Infrastructure.Mail;

/// <summary>
/// A maildev of a test's own (scripts/maildev.sh, installed in .tools/maildev), started on a chosen SMTP port and
/// stopped on dispose: for tests that need the server to come up (or go down) while the application runs.
/// </summary>
public sealed partial class MaildevServer : IAsyncDisposable
{
    private readonly string _pid;
    private readonly string _tmp;

    private MaildevServer(string pid, string tmp, Maildev client) => (_pid, _tmp, Client) = (pid, tmp, client);

    public Maildev Client { get; }

    /// <summary>A loopback port nobody listens on right now (the SMTP server of a test is "down" there until started).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<MaildevServer> StartAsync(int smtpPort)
    {
        var (exit, output) = await RunAsync("start", smtpPort.ToString(CultureInfo.InvariantCulture), FreePort().ToString(CultureInfo.InvariantCulture));
        var values = ExportRegex().Matches(output).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
        if (exit != 0 || !values.TryGetValue("MAILDEV_PID", out var pid) || !values.TryGetValue("MAILDEV_WEB_PORT", out var web))
        {
            throw new InvalidOperationException($"scripts/maildev.sh start failed ({exit}): {output}");
        }

        return new MaildevServer(pid, values.GetValueOrDefault("MAILDEV_TMP") ?? "", new Maildev(new Uri($"http://127.0.0.1:{web}/"), smtpPort));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await RunAsync("stop", _pid, _tmp);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "scripts", "maildev.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not run scripts/maildev.sh");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Benchmark.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Benchmark.sln above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"(MAILDEV_[A-Z_]+)='([^']*)'")]
    private static partial Regex ExportRegex();
}
