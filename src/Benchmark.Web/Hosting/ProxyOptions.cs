using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Benchmark.Web.Hosting;

/// <summary>
/// Behind a reverse proxy that ends TLS (section <c>ForwardedHeaders</c>): whether to believe its
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>, and from which addresses. Off by default: an application
/// reached directly must not let a client choose the address the rate limits see.
/// </summary>
public sealed class ProxyOptions : IValidatableObject
{
    public const string Section = "ForwardedHeaders";

    public bool Enabled { get; set; }

    /// <summary>Proxy addresses trusted besides the loopback (e.g. <c>10.0.0.5</c>).</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks trusted besides the loopback, in CIDR notation (e.g. <c>10.0.0.0/8</c>).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row are unwound (1: one proxy in front).</summary>
    [Range(1, 10)]
    public int ForwardLimit { get; set; } = 1;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"ForwardedHeaders:KnownProxies : « {proxy} » n'est pas une adresse IP.");
        }

        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"ForwardedHeaders:KnownNetworks : « {network} » n'est pas un réseau au format CIDR (10.0.0.0/8).");
        }
    }
}
