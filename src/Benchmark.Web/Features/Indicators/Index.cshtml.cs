using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Indicators;
using Benchmark.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Indicators;

/// <summary>One row of an enrolment's periods: its state, deadline and whether it was reported on time.</summary>
public sealed record PeriodRow(ReportingPeriod Period, IndicatorValueStatus Status, DateTimeOffset? SubmittedAt, bool Late, int Entered, int Expected);

/// <summary>An enrolment's indicator periods, newest first, with links to enter, chart, compare and export.</summary>
public sealed class IndexModel(IndicatorData data, BenchmarkDbContext db) : PageModel
{
    public IndicatorEnrolment Context { get; private set; } = null!;

    public IReadOnlyList<(IndicatorPeriod Type, IReadOnlyList<PeriodRow> Rows)> Periods { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        if (await data.EnrolmentAsync(enrolmentId, cancellationToken) is not { } context)
        {
            return NotFound();
        }

        Context = context;
        var reports = await db.IndicatorPeriodReports.AsNoTracking().Where(r => r.EnrolmentId == enrolmentId).ToDictionaryAsync(r => r.Period, cancellationToken);
        var entered = await db.IndicatorValues.AsNoTracking().Where(v => v.EnrolmentId == enrolmentId && v.Value != null)
            .GroupBy(v => v.Period).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        Periods = [.. context.Definition.Indicators.GroupBy(i => i.Period).Select(type =>
        {
            var expected = type.Sum(i => IndicatorForm.Entries(i).Count);
            IReadOnlyList<PeriodRow> rows = [.. data.Periods(context.Programme, type.Key, reports.Keys.Concat(entered.Keys)).Select(p =>
            {
                var report = reports.GetValueOrDefault(p.Key);
                return new PeriodRow(p, report?.Status ?? IndicatorValueStatus.Draft, report?.SubmittedAt,
                    Timeliness.IsLate(p, report?.SubmittedAt, data.Today), entered.GetValueOrDefault(p.Key), expected);
            })];
            return (type.Key, rows);
        })];
        return Page();
    }
}
