using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Benchmark.Core.Reminders;

/// <summary>The idempotency key of a planned reminder: one per (rule, target, occurrence, recipient).</summary>
public static class ReminderKey
{
    /// <summary>The outbox column's length; a longer key keeps its readable start and ends with a hash of the whole.</summary>
    public const int MaxLength = 400;

    public static string Of(string ruleId, ReminderTargetKind kind, string targetId, DateOnly occurrence, string email)
    {
        var key = string.Join(':', "reminder", ruleId, Name(kind), targetId,
            occurrence.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Normalise(email));
        if (key.Length <= MaxLength)
        {
            return key;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        return string.Concat(key.AsSpan(0, MaxLength - hash.Length - 1), "#", hash);
    }

    /// <summary>Addresses compare case-insensitively: one person, one reminder.</summary>
    public static string Normalise(string email) => email.Trim().ToLowerInvariant();

    public static string Name(ReminderTargetKind kind) => kind switch
    {
        ReminderTargetKind.Session => "session",
        ReminderTargetKind.SessionReport => "session-report",
        ReminderTargetKind.Deliverable => "deliverable",
        ReminderTargetKind.Checklist => "checklist",
        ReminderTargetKind.Phase => "phase",
        ReminderTargetKind.Indicator => "indicator",
    };
}
