using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Indicators;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.Indicators;

/// <summary>
/// A longer past for one indicator than the demo's four bimonths, so the run-chart rules (10 points) apply: validated
/// periods before the demo's, oldest first. Written straight into the test database (the arrangement, not the use case).
/// </summary>
public static class RunChartHistory
{
    /// <summary>Seven high values then seven low ones: a shift above the median at the start, whatever the demo's four add.</summary>
    public static readonly decimal[] ShiftThenDrop = [20, 21, 22, 20, 21, 22, 20, 1, 0, 1, 0, 1, 0, 1];

    /// <summary>The bimonths written, oldest first: they end just before the demo's four past periods.</summary>
    public static IReadOnlyList<ReportingPeriod> Periods(int count)
    {
        var current = ReportingPeriod.Containing(IndicatorPeriod.Bimonth, ParisTime.Today(TimeProvider.System));
        return [.. Enumerable.Range(0, count).Select(i => current.Add(-4 - count + i))];
    }

    /// <summary>Writes the values of a directly entered bimonthly indicator (no inputs) for an enrolment.</summary>
    public static Task<IReadOnlyList<ReportingPeriod>> AddAsync(BenchmarkApp app, Guid enrolmentId, string indicatorId, IReadOnlyList<decimal> values) =>
        app.WithServicesAsync<IReadOnlyList<ReportingPeriod>>(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            var periods = Periods(values.Count);
            var at = TimeProvider.System.GetUtcNow();
            foreach (var (period, value) in periods.Zip(values))
            {
                var report = new IndicatorPeriodReport(Guid.CreateVersion7(), enrolmentId, period.Key);
                report.Submit("Équipe (test)", at);
                report.Validate("Consultant (test)", null, at);
                db.IndicatorPeriodReports.Add(report);
                var row = new IndicatorValue(Guid.CreateVersion7(), enrolmentId, indicatorId, period.Key, "", value, "Équipe (test)", at);
                row.Follow(report.Status);
                db.IndicatorValues.Add(row);
            }

            await db.SaveChangesAsync();
            return periods;
        });
}
