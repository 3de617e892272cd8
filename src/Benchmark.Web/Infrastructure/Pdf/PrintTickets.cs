using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Benchmark.Web.Infrastructure.Pdf;

/// <summary>
/// A print ticket lets the headless Chromium that prints a page for a user open that page — that one path, once,
/// within a minute — as that user: the page then reads its data through the same access rule as for the user's own
/// browser, so a PDF never shows more than the screen. The ticket is encrypted and signed with the application's data
/// protection keys; the user's cookie never leaves the process.
/// </summary>
public sealed class PrintTickets(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string QueryKey = "impression";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly IDataProtector _protector = protection.CreateProtector("Benchmark.PrintTicket.v1");
    private readonly ConcurrentDictionary<string, DateTimeOffset> _used = new(StringComparer.Ordinal);

    /// <summary>A ticket for <paramref name="userId"/> to GET <paramref name="path"/>, and its nonce (to ask later whether it was used).</summary>
    public (string Ticket, string Nonce) Issue(Guid userId, string path)
    {
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var expires = clock.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return (_protector.Protect($"{userId:N}|{path}|{nonce}|{expires}"), nonce);
    }

    /// <summary>The user a ticket stands for when it is genuine, unexpired, unused and for this very path; it is then used up.</summary>
    public Guid? Redeem(string? ticket, string path)
    {
        var now = clock.GetUtcNow();
        foreach (var (key, at) in _used.Where(u => u.Value < now))
        {
            _used.TryRemove(key, out _);
        }

        string[] parts;
        try
        {
            parts = _protector.Unprotect(ticket ?? "").Split('|');
        }
        catch (CryptographicException)
        {
            return null;
        }

        if (parts.Length != 4 || !Guid.TryParseExact(parts[0], "N", out var user) || !string.Equals(parts[1], path, StringComparison.Ordinal)
            || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || DateTimeOffset.FromUnixTimeSeconds(expires) < now || !_used.TryAdd(parts[2], DateTimeOffset.FromUnixTimeSeconds(expires)))
        {
            return null;
        }

        return user;
    }

    /// <summary>Whether the ticket of this nonce was presented (so the PDF printed is the page, not a sign-in form).</summary>
    public bool WasUsed(string nonce) => _used.ContainsKey(nonce);
}
