namespace Benchmark.Web.Infrastructure.Security;

/// <summary>
/// Marks a page whose POST tries or creates a credential: each POST counts against the client address and the
/// account (<see cref="RateLimits"/>). The account is the signed-in person, or else the form or query field
/// <see cref="AccountField"/> (the address typed, the user of a link).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class CredentialAttemptsAttribute(string? accountField = null) : Attribute
{
    public string? AccountField { get; } = accountField;
}
