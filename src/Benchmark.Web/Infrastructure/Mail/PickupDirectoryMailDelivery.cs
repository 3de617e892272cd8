using Microsoft.Extensions.Options;
using MimeKit;

namespace Benchmark.Web.Infrastructure.Mail;

/// <summary>
/// Without SMTP: each message becomes <c>{Message-ID}.eml</c> in <c>Mail:PickupDirectory</c>, written to a temporary
/// file then renamed, so a reader never sees half a message and a retried send replaces the same file.
/// </summary>
internal sealed class PickupDirectoryMailDelivery(IOptions<MailOptions> options) : IMailDelivery
{
    public Task<IMailBatch> OpenBatchAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.Value.PickupDirectory);
        return Task.FromResult<IMailBatch>(new Batch(options.Value.PickupDirectory));
    }

    public static string FileName(string messageId) =>
        string.Concat(messageId.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '<' or '>' ? '_' : c)) + ".eml";

    private sealed class Batch(string directory) : IMailBatch
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            var path = Path.Combine(directory, FileName(message.MessageId ?? Guid.NewGuid().ToString("N")));
            var temporary = path + ".tmp";
            try
            {
                // As an SMTP server would receive it: transfer encodings chosen for 8-bit transport, lines ≤ 998.
                message.Prepare(EncodingConstraint.EightBit);
                var format = FormatOptions.Default.Clone();
                format.NewLineFormat = NewLineFormat.Dos;
                await using (var stream = File.Create(temporary))
                {
                    await message.WriteToAsync(format, stream, cancellationToken);
                }

                File.Move(temporary, path, overwrite: true);
            }
            catch (IOException e)
            {
                throw new MailDeliveryException($"Écriture de {path} impossible : {e.Message}", permanent: false, e);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new MailDeliveryException($"Écriture de {path} refusée : {e.Message}", permanent: false, e);
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
