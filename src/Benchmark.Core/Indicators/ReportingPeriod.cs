using System.Globalization;
using Benchmark.Core.Definitions;
using Benchmark.Core.Reminders;

namespace Benchmark.Core.Indicators;

/// <summary>
/// A reporting period as arithmetic: parse a stored key (<c>2027-B1</c>, <c>2027-M03</c>, <c>2027-Q2</c>, <c>2027-S1</c>,
/// <c>2027</c>), step to the next or previous one across years, list a range. Keys, bounds and titles come from
/// <see cref="IndicatorPeriods"/>, the one place that names periods.
/// </summary>
public sealed record ReportingPeriod(IndicatorPeriod Type, int Year, int Index)
{
    private IndicatorPeriodSlot Slot => IndicatorPeriods.Containing(Type, new DateOnly(Year, ((Index - 1) * IndicatorPeriods.Months(Type)) + 1, 1));

    public string Key => IndicatorPeriods.Key(Type, Year, Index);

    public DateOnly Start => Slot.Start;

    public DateOnly End => Slot.End;

    /// <summary>French title, e.g. « janvier–février 2027 ».</summary>
    public string Title => Slot.Title;

    /// <summary>How many periods of this type a year holds.</summary>
    public int PerYear => 12 / IndicatorPeriods.Months(Type);

    public static ReportingPeriod Containing(IndicatorPeriod type, DateOnly date) =>
        new(type, date.Year, ((date.Month - 1) / IndicatorPeriods.Months(type)) + 1);

    /// <summary>The default period type of a programme: the most common among its indicators (bimonthly when none).</summary>
    public static IndicatorPeriod DefaultType(WorkflowDefinition definition) =>
        definition.Indicators.Count == 0
            ? IndicatorPeriod.Bimonth
            : definition.Indicators.GroupBy(i => i.Period).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;

    public ReportingPeriod Next() => Index == PerYear ? this with { Year = Year + 1, Index = 1 } : this with { Index = Index + 1 };

    public ReportingPeriod Previous() => Index == 1 ? this with { Year = Year - 1, Index = PerYear } : this with { Index = Index - 1 };

    public ReportingPeriod Add(int periods)
    {
        var ordinal = (Year * PerYear) + (Index - 1) + periods;
        return this with { Year = ordinal / PerYear, Index = (ordinal % PerYear) + 1 };
    }

    /// <summary>Periods from <paramref name="first"/> to <paramref name="last"/> inclusive (empty when last is before first).</summary>
    public static IEnumerable<ReportingPeriod> Range(ReportingPeriod first, ReportingPeriod last)
    {
        for (var p = first; p.CompareTo(last) <= 0; p = p.Next())
        {
            yield return p;
        }
    }

    public int CompareTo(ReportingPeriod? other) => other is null ? 1 : (Year, Index).CompareTo((other.Year, other.Index));

    /// <summary>Reports are due on the period's last day (workflows/README.md), so it is late after that day in Paris.</summary>
    public DateOnly Deadline => End;

    /// <summary>Parses a stored key; null for anything else (a typo in a URL is a 404, never an exception).</summary>
    public static ReportingPeriod? TryParse(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length < 4 || !int.TryParse(key.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1900)
        {
            return null;
        }

        if (key.Length == 4)
        {
            return new(IndicatorPeriod.Year, year, 1);
        }

        if (key.Length < 7 || key[4] != '-')
        {
            return null;
        }

        IndicatorPeriod? type = key[5] switch
        {
            'M' => IndicatorPeriod.Month,
            'B' => IndicatorPeriod.Bimonth,
            'Q' => IndicatorPeriod.Quarter,
            'S' => IndicatorPeriod.Semester,
            _ => null,
        };
        if (type is not { } t || !int.TryParse(key.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index < 1 || index > 12 / IndicatorPeriods.Months(t))
        {
            return null;
        }

        var period = new ReportingPeriod(t, year, index);
        return period.Key == key ? period : null;
    }

    public override string ToString() => Key;
}
