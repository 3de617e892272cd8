using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Benchmark.Web.Infrastructure.Mail;

/// <summary>
/// MailKit over SMTP: one connection per batch — the dispatcher's whole drain — opened on the first message and
/// re-opened only after a broken one; after <see cref="IdleCheck"/> without a command, a NOOP checks it first (a
/// server may have dropped an idle connection) and a failed one reconnects. STARTTLS, TLS on connect or none per
/// <c>Smtp:Security</c>, authenticated when <c>Smtp:User</c> is set. A 5xx reply is permanent; 4xx replies, network
/// and TLS failures are transient.
/// </summary>
internal sealed class SmtpMailDelivery(IOptions<MailOptions> options, TimeProvider clock) : IMailDelivery
{
    /// <summary>Idle time after which the connection is checked with a NOOP before the next message.</summary>
    public static readonly TimeSpan IdleCheck = TimeSpan.FromSeconds(30);

    public Task<IMailBatch> OpenBatchAsync(CancellationToken cancellationToken) => Task.FromResult<IMailBatch>(new Batch(options.Value, clock));

    private sealed class Batch(MailOptions options, TimeProvider clock) : IMailBatch
    {
        private readonly SmtpClient _client = new();
        private long _lastCommand;

        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            try
            {
                await EnsureConnectedAsync(cancellationToken);
                await _client.SendAsync(message, cancellationToken);
                _lastCommand = clock.GetTimestamp();
            }
            catch (SmtpCommandException e)
            {
                throw new MailDeliveryException($"SMTP {(int)e.StatusCode} : {e.Message}", permanent: (int)e.StatusCode >= 500, e);
            }
            catch (Exception e) when (e is SmtpProtocolException or IOException or SocketException or SslHandshakeException
                or AuthenticationException or ServiceNotConnectedException or ServiceNotAuthenticatedException)
            {
                // The connection is unusable: drop it so the next message reconnects.
                await ResetAsync();
                throw new MailDeliveryException($"SMTP indisponible : {e.Message}", permanent: false, e);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await ResetAsync();
            _client.Dispose();
        }

        private async Task EnsureConnectedAsync(CancellationToken cancellationToken)
        {
            if (_client.IsConnected && clock.GetElapsedTime(_lastCommand) >= IdleCheck)
            {
                try
                {
                    await _client.NoOpAsync(cancellationToken);
                }
                catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException or SocketException or ServiceNotConnectedException)
                {
                    // Dropped while idle: reconnect below.
                    await ResetAsync();
                }
            }

            if (_client.IsConnected)
            {
                return;
            }

            var security = options.SmtpSecurity switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            };
            await _client.ConnectAsync(options.SmtpHost!, options.SmtpPort, security, cancellationToken);
            if (options.SmtpUser is { } user)
            {
                await _client.AuthenticateAsync(user, options.SmtpPassword ?? "", cancellationToken);
            }

            _lastCommand = clock.GetTimestamp();
        }

        private async Task ResetAsync()
        {
            if (_client.IsConnected)
            {
                try
                {
                    await _client.DisconnectAsync(quit: true, CancellationToken.None);
                }
                catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or ServiceNotConnectedException)
                {
                    // Already broken: nothing more to close.
                }
            }
        }
    }
}
