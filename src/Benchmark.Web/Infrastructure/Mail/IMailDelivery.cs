using MimeKit;

namespace Benchmark.Web.Infrastructure.Mail;

/// <summary>Where messages go: SMTP (<see cref="SmtpMailDelivery"/>) or a pickup folder (<see cref="PickupDirectoryMailDelivery"/>).</summary>
public interface IMailDelivery
{
    /// <summary>Opens a batch — a dispatcher's whole drain: one SMTP connection, opened on the first message and reused for the others.</summary>
    Task<IMailBatch> OpenBatchAsync(CancellationToken cancellationToken);
}

/// <summary>Sends messages over one connection; disposing it closes the connection.</summary>
public interface IMailBatch : IAsyncDisposable
{
    /// <summary>Sends one message; throws <see cref="MailDeliveryException"/> when it could not.</summary>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>A failed send: permanent (the server refused, 5xx: retrying will not help) or transient (try again later).</summary>
public sealed class MailDeliveryException(string message, bool permanent, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}
