using System.Threading.Channels;
using Benchmark.Core.Grid;

namespace Benchmark.Web.Features.Grid;

/// <summary>
/// Reads, parses and identifies (SHA-256) a sheet's valid rows on a worker thread and hands them over in batches through
/// a bounded channel, so the file is parsed while the previous rows are being written: the two overlap instead of
/// adding up, and at most <see cref="Capacity"/> batches of <see cref="BatchSize"/> rows are ever held. The sheet's
/// <see cref="GridSheet.Log"/> is complete once the enumeration ends.
/// </summary>
internal static class GridRowBatches
{
    public const int BatchSize = 2048;
    public const int Capacity = 4;

    public static async IAsyncEnumerable<(Guid Id, GridRow Row)[]> ReadAsync(
        GridSheet sheet, GridRowIdentity identity, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(identity);
        var channel = Channel.CreateBounded<(Guid Id, GridRow Row)[]>(new BoundedChannelOptions(Capacity) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => ProduceAsync(sheet, identity, channel.Writer, stop.Token), stop.Token);
        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return batch;
            }
        }
        finally
        {
            // The consumer gave up (an exception while writing): stop the reader before the sheet is disposed.
            await stop.CancelAsync();
            await producer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await producer;
    }

    private static async Task ProduceAsync(GridSheet sheet, GridRowIdentity identity, ChannelWriter<(Guid Id, GridRow Row)[]> writer, CancellationToken cancellationToken)
    {
        try
        {
            var batch = new (Guid Id, GridRow Row)[BatchSize];
            var count = 0;
            foreach (var (_, row) in sheet.Rows())
            {
                batch[count++] = (identity.Next(row), row);
                if (count == BatchSize)
                {
                    await writer.WriteAsync(batch, cancellationToken);
                    (batch, count) = (new (Guid Id, GridRow Row)[BatchSize], 0);
                }
            }

            if (count > 0)
            {
                Array.Resize(ref batch, count);
                await writer.WriteAsync(batch, cancellationToken);
            }

            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
            throw;
        }
    }
}
