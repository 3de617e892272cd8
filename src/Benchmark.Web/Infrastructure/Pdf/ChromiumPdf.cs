using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Benchmark.Web.Infrastructure.Pdf;

/// <summary>
/// Prints one of the application's pages to PDF with headless Chromium, as the user who asks: Chromium opens the page
/// on this machine's own address with a single-use print ticket (<see cref="PrintTickets"/>), so the same page, the
/// same access rule and the same print stylesheet make the file. Chromium is driven over the DevTools protocol (its
/// loopback port, for the few seconds of one print): <c>--print-to-pdf</c> on the command line sometimes ends without
/// a file and without a word when the machine is busy. Null when Chromium is absent, the server has no local HTTP
/// address (the test host) or the rendering fails or times out: the caller falls back to the print view.
/// </summary>
public sealed class ChromiumPdf(IOptions<PdfOptions> options, IServer server, PrintTickets tickets, ILogger<ChromiumPdf> logger)
{
    public async Task<byte[]?> PrintAsync(Guid userId, string path, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!File.Exists(settings.ChromiumPath) || BaseUrl() is not { } baseUrl)
        {
            return null;
        }

        var (ticket, nonce) = tickets.Issue(userId, path);
        var profile = Directory.CreateTempSubdirectory("benchmark-pdf-");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        Process? process = null;
        try
        {
            process = Start(settings.ChromiumPath, profile.FullName);
            using var devTools = await DevToolsSession.ConnectAsync(await EndpointAsync(profile.FullName, process, timeout.Token), timeout.Token);
            var pdf = await devTools.PrintAsync(new Uri($"{baseUrl}{path}?{PrintTickets.QueryKey}={Uri.EscapeDataString(ticket)}"), timeout.Token);
            if (tickets.WasUsed(nonce))
            {
                return pdf;
            }

            logger.LogWarning("Chromium printed {Path} without presenting its print ticket: not the page, discarded", path);
            return null;
        }
        catch (Exception exception) when (exception is OperationCanceledException or InvalidOperationException
            or System.Net.WebSockets.WebSocketException or IOException or System.ComponentModel.Win32Exception)
        {
            logger.LogWarning("Chromium did not print {Path} ({Exception}: {Message})", path, exception.GetType().Name, exception.Message);
            return null;
        }
        finally
        {
            if (process is not null)
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                await process.WaitForExitAsync(CancellationToken.None);
                process.Dispose();
            }

            profile.Delete(recursive: true);
        }
    }

    private static Process Start(string chromium, string profile)
    {
        var start = new ProcessStartInfo(chromium) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in Arguments(profile))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Chromium did not start: {chromium}");
        // Nobody reads what Chromium says; drained, so that a full pipe never blocks it.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Chromium writes its DevTools port and path into the profile once it listens (port 0: one the system picks).</summary>
    private static async Task<Uri> EndpointAsync(string profile, Process process, CancellationToken cancellationToken)
    {
        var file = Path.Combine(profile, "DevToolsActivePort");
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Chromium stopped before listening (exit {process.ExitCode}).");
            }

            if (File.Exists(file) && (await File.ReadAllLinesAsync(file, cancellationToken)) is [var port, var browser, ..])
            {
                return new Uri($"ws://127.0.0.1:{port}{browser}");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Headless, its own throwaway profile, nothing from the network but this application, DevTools on the loopback only.</summary>
    private static IEnumerable<string> Arguments(string profile)
    {
        yield return "--headless";
        yield return "--disable-gpu";
        yield return "--disable-dev-shm-usage";
        yield return "--disable-extensions";
        yield return "--disable-background-networking";
        yield return "--disable-component-update";
        yield return "--disable-sync";
        yield return "--disable-translate";
        yield return "--no-first-run";
        yield return "--no-default-browser-check";
        yield return "--remote-debugging-address=127.0.0.1";
        yield return "--remote-debugging-port=0";
        yield return $"--user-data-dir={profile}";
        if (Environment.UserName == "root")
        {
            // Chromium's sandbox refuses to run as root (containers); as any other user it stays on.
            yield return "--no-sandbox";
        }

        yield return "about:blank";
    }

    /// <summary>The configured internal address, or the first plain-HTTP address the server listens on (a wildcard host read as the loopback).</summary>
    private string? BaseUrl()
    {
        if (options.Value.InternalBaseUrl is { Length: > 0 } configured)
        {
            return configured.TrimEnd('/');
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal));
        if (address is null)
        {
            return null;
        }

        var uri = new Uri(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal));
        return $"{uri.Scheme}://{uri.Authority}";
    }
}
