using System.Threading.RateLimiting;
using Benchmark.Web.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace Benchmark.Web.Infrastructure.Api;

/// <summary>
/// Failed API tokens per client address, in the window of the credential attempts (<see cref="RateLimitOptions"/>):
/// past the allowance, the address gets 429 until the window ends, so tokens cannot be guessed at network speed.
/// Only failures count: an integration with a valid token is never slowed down.
/// </summary>
internal sealed class TokenFailures(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.PerAddressPermits, Window = options.Value.PerAddressWindow, QueueLimit = 0, AutoReplenishment = true,
        }));

    /// <summary>When this address may try again, or null while it still may.</summary>
    public TimeSpan? Blocked(string address)
    {
        using var probe = _limiter.AttemptAcquire(address, 0);
        return probe.IsAcquired ? null
            : probe.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.Value.PerAddressWindow;
    }

    public void Failed(string address) => _limiter.AttemptAcquire(address).Dispose();

    public void Dispose() => _limiter.Dispose();
}
