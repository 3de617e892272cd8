using Benchmark.Core.Indicators;
using Benchmark.Core.Scheduling;

namespace Benchmark.Web.Features.Indicators;

/// <summary>A period is late when it was submitted after its deadline day (Paris), or is still not submitted after it.</summary>
public static class Timeliness
{
    public static bool IsLate(ReportingPeriod period, DateTimeOffset? submittedAt, DateOnly today) =>
        submittedAt is { } at
            ? DateOnly.FromDateTime(ParisTime.ToParis(at).DateTime) > period.Deadline
            : today > period.Deadline;
}
