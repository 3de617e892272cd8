using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Benchmark.Web.Tests.Infrastructure.Mail;

/// <summary>
/// A small real SMTP server on loopback (RFC 5321 dialogue, no TLS): accepts every recipient except those whose
/// address starts with <c>refuse</c> (550, permanent) or <c>plus-tard</c> (451, transient); keeps what it received.
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _connections;

    public FakeSmtpServer()
    {
        _listener.Start();
        _loop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Connections => _connections;

    /// <summary>
    /// The application sending to this server (<c>Smtp:*</c>), on the given host's database; no Hangfire jobs, so the
    /// test's own dispatch calls are the only senders (a minutely dispatch job would race them).
    /// </summary>
    public WebApplicationFactory<Program> For(WebApplicationFactory<Program> host) => host.WithWebHostBuilder(b => b
        .UseSetting("Jobs:Enabled", "false")
        .UseSetting("Smtp:Host", "127.0.0.1")
        .UseSetting("Smtp:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .UseSetting("Smtp:Security", "None"));

    /// <summary>Each accepted message: its recipients and raw DATA.</summary>
    public ConcurrentQueue<(IReadOnlyList<string> To, string Data)> Received { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 faux-smtp ESMTP");
        var to = new List<string>();
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO" or "HELO":
                    await writer.WriteLineAsync("250-faux-smtp\r\n250 8BITMIME");
                    break;
                case "MAIL":
                    to.Clear();
                    await writer.WriteLineAsync("250 2.1.0 OK");
                    break;
                case "RCPT":
                    var address = line[(line.IndexOf('<', StringComparison.Ordinal) + 1)..line.IndexOf('>', StringComparison.Ordinal)];
                    if (address.StartsWith("refuse", StringComparison.Ordinal))
                    {
                        await writer.WriteLineAsync("550 5.1.1 Destinataire inconnu");
                    }
                    else if (address.StartsWith("plus-tard", StringComparison.Ordinal))
                    {
                        await writer.WriteLineAsync("451 4.3.0 Reessayez plus tard");
                    }
                    else
                    {
                        to.Add(address);
                        await writer.WriteLineAsync("250 2.1.5 OK");
                    }

                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 Fin par <CRLF>.<CRLF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync(_stop.Token) is { } body && body != ".")
                    {
                        data.Append(body).Append("\r\n");
                    }

                    Received.Enqueue(([.. to], data.ToString()));
                    await writer.WriteLineAsync("250 2.0.0 Accepte");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 2.0.0 Au revoir");
                    return;
                default:
                    await writer.WriteLineAsync("250 OK");
                    break;
            }
        }
    }
}
