using System.Globalization;
using Benchmark.Core.Definitions;

namespace Benchmark.Core.Reminders;

/// <summary>A reporting period of an indicator: calendar-aligned, e.g. the bimonth March–April 2027.</summary>
public sealed record IndicatorPeriodSlot(IndicatorPeriod Type, string Key, DateOnly Start, DateOnly End, string Title);

/// <summary>
/// Reporting periods are aligned on the civil year: months, bimonths (Jan–Feb, Mar–Apr…), quarters, semesters,
/// years. Keys are stored with indicator values: <c>2027-M03</c>, <c>2027-B2</c>, <c>2027-Q1</c>, <c>2027-S1</c>, <c>2027</c>.
/// </summary>
public static class IndicatorPeriods
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static int Months(IndicatorPeriod type) => type switch
    {
        IndicatorPeriod.Month => 1,
        IndicatorPeriod.Bimonth => 2,
        IndicatorPeriod.Quarter => 3,
        IndicatorPeriod.Semester => 6,
        IndicatorPeriod.Year => 12,
    };

    /// <summary>The period of that type containing <paramref name="date"/>; any date, 9999-12-31 included.</summary>
    public static IndicatorPeriodSlot Containing(IndicatorPeriod type, DateOnly date)
    {
        var months = Months(type);
        var index = (date.Month - 1) / months;
        var start = new DateOnly(date.Year, (index * months) + 1, 1);
        // The last day of the period's last month, within the same year: « first day of the next period minus one »
        // does not exist after the last period of year 9999 (a stored 9999-B6 made every indicator page answer 500).
        var lastMonth = start.Month + months - 1;
        var end = new DateOnly(date.Year, lastMonth, DateTime.DaysInMonth(date.Year, lastMonth));
        return new IndicatorPeriodSlot(type, Key(type, date.Year, index + 1), start, end, Title(type, start, end));
    }

    /// <summary>Every period of that type that ends between <paramref name="from"/> and <paramref name="to"/> (inclusive).</summary>
    public static IEnumerable<IndicatorPeriodSlot> EndingBetween(IndicatorPeriod type, DateOnly from, DateOnly to)
    {
        for (var period = Containing(type, from); period.End <= to; period = Containing(type, period.End.AddDays(1)))
        {
            yield return period;
            if (period.End == DateOnly.MaxValue)
            {
                yield break;
            }
        }
    }

    public static string Key(IndicatorPeriod type, int year, int index) => type switch
    {
        IndicatorPeriod.Month => string.Create(CultureInfo.InvariantCulture, $"{year}-M{index:00}"),
        IndicatorPeriod.Bimonth => string.Create(CultureInfo.InvariantCulture, $"{year}-B{index}"),
        IndicatorPeriod.Quarter => string.Create(CultureInfo.InvariantCulture, $"{year}-Q{index}"),
        IndicatorPeriod.Semester => string.Create(CultureInfo.InvariantCulture, $"{year}-S{index}"),
        IndicatorPeriod.Year => year.ToString(CultureInfo.InvariantCulture),
    };

    private static string Title(IndicatorPeriod type, DateOnly start, DateOnly end) => type switch
    {
        IndicatorPeriod.Month => start.ToString("MMMM yyyy", French),
        IndicatorPeriod.Year => start.ToString("yyyy", French),
        _ => $"{start.ToString("MMMM", French)}–{end.ToString("MMMM yyyy", French)}",
    };
}
