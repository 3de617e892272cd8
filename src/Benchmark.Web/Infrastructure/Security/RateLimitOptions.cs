using System.ComponentModel.DataAnnotations;

namespace Benchmark.Web.Infrastructure.Security;

/// <summary>
/// How many credential attempts (sign-in, forgotten password, reset or invitation link, token creation) are let
/// through (section <c>RateLimits</c>): per client address, generous enough for an ARS office behind one address
/// signing in a dozen people in a minute; per account, tight enough to stop guessing one person's password.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    [Range(1, 1_000_000)]
    public int PerAddressPermits { get; set; } = 60;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PerAddressWindow { get; set; } = TimeSpan.FromMinutes(1);

    [Range(1, 1_000_000)]
    public int PerAccountPermits { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PerAccountWindow { get; set; } = TimeSpan.FromMinutes(5);
}
