using System.Collections.Concurrent;
using PublicHoliday;

namespace Benchmark.Core.Scheduling;

/// <summary>Which public holidays apply: metropolitan France, or Alsace-Moselle and its two extra days.</summary>
public enum HolidayRegion
{
    /// <summary>The eleven national public holidays.</summary>
    France,

    /// <summary>France plus Vendredi saint and 26 décembre (Bas-Rhin, Haut-Rhin, Moselle).</summary>
    AlsaceMoselle,
}

/// <summary>
/// Working days of a programme: Monday to Friday except French public holidays (computed by the
/// <c>PublicHoliday</c> package), with the reason a day is not worked, as people read it.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly ConcurrentDictionary<int, IReadOnlyDictionary<DateOnly, string>> _years = new();

    private WorkingCalendar(HolidayRegion region) => Region = region;

    public static WorkingCalendar France { get; } = new(HolidayRegion.France);

    public static WorkingCalendar AlsaceMoselle { get; } = new(HolidayRegion.AlsaceMoselle);

    public HolidayRegion Region { get; }

    public static WorkingCalendar For(HolidayRegion region) => region == HolidayRegion.AlsaceMoselle ? AlsaceMoselle : France;

    public bool IsWorkingDay(DateOnly date) => NonWorkingReason(date) is null;

    /// <summary>Why the day is not worked (« samedi », « lundi de Pentecôte »), or null for a working day.</summary>
    public string? NonWorkingReason(DateOnly date) =>
        Holidays(date.Year).TryGetValue(date, out var name) ? name
        : date.DayOfWeek switch
        {
            DayOfWeek.Saturday => "samedi",
            DayOfWeek.Sunday => "dimanche",
            _ => null,
        };

    /// <summary>The first working day on or after <paramref name="date"/> (or on or before it, going back).</summary>
    public DateOnly NextWorkingDay(DateOnly date, int direction = 1)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(direction);
        }

        return date;
    }

    /// <summary>Counts <paramref name="days"/> working days from <paramref name="date"/> (backwards when negative).</summary>
    public DateOnly AddWorkingDays(DateOnly date, int days)
    {
        var step = Math.Sign(days);
        for (var left = Math.Abs(days); left > 0; left--)
        {
            date = date.AddDays(step);
            while (!IsWorkingDay(date))
            {
                date = date.AddDays(step);
            }
        }

        return date;
    }

    private IReadOnlyDictionary<DateOnly, string> Holidays(int year) => _years.GetOrAdd(year, y =>
    {
        static DateOnly D(DateTime d) => DateOnly.FromDateTime(d);
        var days = new Dictionary<DateOnly, string>
        {
            [D(FrancePublicHoliday.NewYear(y))] = "jour de l'an",
            [D(FrancePublicHoliday.EasterMonday(y))] = "lundi de Pâques",
            [D(FrancePublicHoliday.MayDay(y))] = "fête du Travail",
            [D(FrancePublicHoliday.VictoryInEuropeDay(y))] = "8 mai",
            [D(FrancePublicHoliday.Ascension(y))] = "Ascension",
            [D(FrancePublicHoliday.PentecostMonday(y))] = "lundi de Pentecôte",
            [D(FrancePublicHoliday.National(y))] = "fête nationale",
            [D(FrancePublicHoliday.Assumption(y))] = "Assomption",
            [D(FrancePublicHoliday.AllSaints(y))] = "Toussaint",
            [D(FrancePublicHoliday.Armistice(y))] = "11 novembre",
            [D(FrancePublicHoliday.Christmas(y))] = "Noël",
        };
        if (Region == HolidayRegion.AlsaceMoselle)
        {
            days[D(FrancePublicHoliday.GoodFriday(y))] = "Vendredi saint";
            days[D(FrancePublicHoliday.SaintStephenDay(y))] = "26 décembre";
        }

        return days;
    });
}
