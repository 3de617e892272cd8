using System.Globalization;

namespace Benchmark.Core.Scheduling;

/// <summary>
/// Programmes run on Paris local time; instants are stored in UTC. This is the one place that converts,
/// so a 09:00 session stays at 09:00 across the change to summer or winter time.
/// </summary>
public static class ParisTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>
    /// The UTC instant of a Paris wall-clock time. A time skipped by the spring change (02:00–03:00) moves
    /// forward by the gap; a time that occurs twice in autumn takes its first (summer time) occurrence.
    /// </summary>
    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    public static DateTimeOffset ToParis(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>An instant as people read it in mails and messages: « lundi 4 janvier 2027 à 09h00 », Paris time.</summary>
    public static string Display(DateTimeOffset instant) =>
        ToParis(instant).ToString("dddd d MMMM yyyy 'à' HH'h'mm", CultureInfo.GetCultureInfo("fr-FR"));

    public static DateOnly Today(TimeProvider clock) => Date((clock ?? throw new ArgumentNullException(nameof(clock))).GetUtcNow());

    /// <summary>The Paris time of an instant as a French page writes it: « 9 h », « 9 h 30 ».</summary>
    public static string Hour(DateTimeOffset instant)
    {
        var paris = ToParis(instant);
        return paris.Minute == 0 ? $"{paris.Hour} h" : $"{paris.Hour} h {paris.Minute:00}";
    }

    /// <summary>The Paris calendar day of an instant.</summary>
    public static DateOnly Date(DateTimeOffset instant) => DateOnly.FromDateTime(ToParis(instant).DateTime);
}
