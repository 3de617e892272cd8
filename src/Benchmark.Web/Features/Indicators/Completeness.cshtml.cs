using Benchmark.Core.Domain;
using Benchmark.Core.Indicators;
using Benchmark.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Indicators;

/// <summary>One group's reporting for one period: how many establishments submitted, were validated, on time, late.</summary>
public sealed record CompletenessRow(ReportingPeriod Period, int Expected, int Submitted, int Validated, int OnTime, int Late, IReadOnlyList<string> Missing)
{
    public decimal Percent => Expected == 0 ? 0 : Math.Round(100m * Submitted / Expected, 0);
}

/// <summary>Completeness and timeliness of indicator reporting, per period and per group, for the ARS and consultants.</summary>
public sealed class CompletenessModel(IndicatorData data, BenchmarkDbContext db) : PageModel
{
    public Wave Wave { get; private set; } = null!;

    public string Programme { get; private set; } = "";

    public IReadOnlyList<(Group Group, IReadOnlyList<CompletenessRow> Rows)> Groups { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid waveId, CancellationToken cancellationToken)
    {
        var user = data.Scope.User;
        var wave = await data.Scope.Waves().AsNoTracking().SingleOrDefaultAsync(w => w.Id == waveId, cancellationToken);
        if (wave is null || !(user.IsArsStaff || user.IsConsultant))
        {
            return NotFound();
        }

        Wave = wave;
        var programme = await data.ProgrammeAsync(wave, cancellationToken);
        Programme = programme.Definition.Title;
        var type = ReportingPeriod.DefaultType(programme.Definition);
        var groups = await data.Scope.Groups().AsNoTracking().Where(g => g.WaveId == waveId).OrderBy(g => g.Name).ToListAsync(cancellationToken);
        var groupIds = groups.Select(g => g.Id).ToList();
        var enrolments = await db.Enrolments.IgnoreAutoIncludes().AsNoTracking()
            .Where(e => groupIds.Contains(e.GroupId) && e.Status != EnrolmentStatus.Withdrawn)
            .Join(db.Establishments, e => e.EstablishmentId, x => x.Id, (e, x) => new { e.Id, e.GroupId, x.Name })
            .ToListAsync(cancellationToken);
        var ids = enrolments.Select(e => e.Id).ToList();
        var reports = await db.IndicatorPeriodReports.AsNoTracking().Where(r => ids.Contains(r.EnrolmentId)).ToListAsync(cancellationToken);
        var byKey = reports.ToDictionary(r => (r.EnrolmentId, r.Period));
        var periods = data.Periods(programme, type, reports.Select(r => r.Period));
        Groups = [.. groups.Select(g =>
        {
            var members = enrolments.Where(e => e.GroupId == g.Id).ToList();
            IReadOnlyList<CompletenessRow> rows = [.. periods.Select(p =>
            {
                var states = members.Select(m => (m.Name, Report: byKey.GetValueOrDefault((m.Id, p.Key)))).ToList();
                var submitted = states.Where(s => s.Report?.Status is IndicatorValueStatus.Submitted or IndicatorValueStatus.Validated).ToList();
                return new CompletenessRow(p, members.Count, submitted.Count,
                    states.Count(s => s.Report?.Status == IndicatorValueStatus.Validated),
                    submitted.Count(s => !Timeliness.IsLate(p, s.Report!.SubmittedAt, data.Today)),
                    states.Count(s => Timeliness.IsLate(p, s.Report?.SubmittedAt, data.Today)),
                    [.. states.Where(s => !submitted.Contains(s)).Select(s => s.Name).Order(StringComparer.Ordinal)]);
            })];
            return (g, rows);
        })];
        return Page();
    }
}
