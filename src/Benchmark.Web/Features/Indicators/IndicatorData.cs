using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Indicators;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Features.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Indicators;

/// <summary>One visible enrolment with what its indicator pages need: names, programme, calendar.</summary>
public sealed record IndicatorEnrolment(
    Enrolment Enrolment, Wave Wave, Group Group, string Establishment, string Finess, WaveProgramme Programme)
{
    public WorkflowDefinition Definition => Programme.Definition;

    public IReadOnlyList<IndicatorDefinition> IndicatorsOf(IndicatorPeriod type) => [.. Definition.Indicators.Where(i => i.Period == type)];

    public IndicatorDefinition? Find(string? indicatorId) => Definition.Indicators.FirstOrDefault(i => i.Id == indicatorId);
}

/// <summary>The computed value of one indicator for one enrolment and period.</summary>
public sealed record ComputedValue(Guid EnrolmentId, string IndicatorId, ReportingPeriod Period, decimal? Value, string? NotComputable, IndicatorValueStatus Status);

/// <summary>A computable value of a known indicator for one enrolment and period (what a benchmark compares).</summary>
public sealed record PeriodValue(Guid EnrolmentId, ReportingPeriod Period, decimal Value);

/// <summary>
/// Reads indicator data through the access rule: an enrolment out of scope is not found. Values are computed from the
/// stored <see cref="IndicatorValue"/> rows whatever wrote them (this form, a collection grid import).
/// </summary>
public sealed class IndicatorData(AccessScope scope, BenchmarkDbContext db, ProgrammeCalendars programmes, TimeProvider clock)
{
    public AccessScope Scope => scope;

    public DateOnly Today => ParisTime.Today(clock);

    public async Task<IndicatorEnrolment?> EnrolmentAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        var enrolment = await scope.Enrolments().IgnoreAutoIncludes().AsNoTracking().SingleOrDefaultAsync(e => e.Id == enrolmentId, cancellationToken);
        if (enrolment is null)
        {
            return null;
        }

        var wave = await db.Waves.AsNoTracking().SingleAsync(w => w.Id == enrolment.WaveId, cancellationToken);
        var group = await db.Groups.AsNoTracking().SingleAsync(g => g.Id == enrolment.GroupId, cancellationToken);
        var establishment = await db.Establishments.AsNoTracking().Where(x => x.Id == enrolment.EstablishmentId)
            .Select(x => new { x.Name, x.Finess }).SingleAsync(cancellationToken);
        var programme = (await programmes.ForAsync([wave], cancellationToken))[wave.Id];
        return new IndicatorEnrolment(enrolment, wave, group, establishment.Name, establishment.Finess, programme);
    }

    public async Task<WaveProgramme> ProgrammeAsync(Wave wave, CancellationToken cancellationToken) =>
        (await programmes.ForAsync([wave], cancellationToken))[wave.Id];

    /// <summary>
    /// The periods of a type to show for a programme: from the wave's first phase to today's period (within the wave),
    /// today's period itself, and any period that already holds values — newest first.
    /// </summary>
    public IReadOnlyList<ReportingPeriod> Periods(WaveProgramme programme, IndicatorPeriod type, IEnumerable<string> stored)
    {
        var periods = new SortedSet<ReportingPeriod>(Comparer<ReportingPeriod>.Create((a, b) => b.CompareTo(a)));
        var current = ReportingPeriod.Containing(type, Today);
        periods.Add(current);
        if (programme.Calendar is { Phases.Count: > 0 } calendar)
        {
            var first = ReportingPeriod.Containing(type, calendar.Phases.Min(p => p.Start));
            var last = ReportingPeriod.Containing(type, calendar.Phases.Max(p => p.Due));
            periods.UnionWith(ReportingPeriod.Range(first, last.CompareTo(current) < 0 ? last : current));
        }

        periods.UnionWith(stored.Select(ReportingPeriod.TryParse).OfType<ReportingPeriod>().Where(p => p.Type == type));
        return [.. periods];
    }

    /// <summary>
    /// Every computable indicator value of these enrolments (one query for values, one for report statuses); with
    /// <paramref name="submittedOnly"/>, only the periods submitted or validated (what anyone but the team itself sees).
    /// </summary>
    public async Task<IReadOnlyList<ComputedValue>> ComputedAsync(
        IReadOnlyCollection<Guid> enrolmentIds, WorkflowDefinition definition, CancellationToken cancellationToken, bool submittedOnly = false)
    {
        var rows = await db.IndicatorValues.AsNoTracking().Where(v => enrolmentIds.Contains(v.EnrolmentId))
            .Select(v => new { v.EnrolmentId, v.IndicatorId, v.Period, v.InputId, v.Value, v.Status }).ToListAsync(cancellationToken);
        // (enrolment, period, status) only: the report's reviewers, dates and comments are not needed here.
        var statuses = await db.IndicatorPeriodReports.Where(r => enrolmentIds.Contains(r.EnrolmentId))
            .Select(r => new { r.EnrolmentId, r.Period, r.Status })
            .ToDictionaryAsync(r => (r.EnrolmentId, r.Period), r => r.Status, cancellationToken);
        var indicators = definition.Indicators.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var result = new List<ComputedValue>();
        foreach (var g in rows.GroupBy(r => (r.EnrolmentId, r.IndicatorId, r.Period)))
        {
            if (!indicators.TryGetValue(g.Key.IndicatorId, out var indicator) || ReportingPeriod.TryParse(g.Key.Period) is not { } period || period.Type != indicator.Period)
            {
                continue;
            }

            var value = IndicatorForm.Compute(indicator, g.ToDictionary(r => r.InputId, r => r.Value, StringComparer.Ordinal));
            var status = statuses.TryGetValue((g.Key.EnrolmentId, g.Key.Period), out var s) ? s : g.Min(r => r.Status);
            if (submittedOnly && !IsShared(status))
            {
                continue;
            }

            result.Add(new ComputedValue(g.Key.EnrolmentId, indicator.Id, period, value.Value, value.NotComputableReason, status));
        }

        return result;
    }

    /// <summary>A period others may see: submitted by the team, or validated.</summary>
    public static bool IsShared(IndicatorValueStatus status) => status is IndicatorValueStatus.Submitted or IndicatorValueStatus.Validated;

    /// <summary>The periods of one indicator that hold stored inputs of these enrolments, newest first: keys only, nothing computed.</summary>
    public async Task<IReadOnlyList<ReportingPeriod>> PeriodsWithInputsAsync(IReadOnlyCollection<Guid> enrolmentIds, IndicatorDefinition indicator, CancellationToken cancellationToken)
    {
        var keys = await db.IndicatorValues.Where(v => enrolmentIds.Contains(v.EnrolmentId) && v.IndicatorId == indicator.Id)
            .Select(v => v.Period).Distinct().ToListAsync(cancellationToken);
        return [.. keys.Select(ReportingPeriod.TryParse).OfType<ReportingPeriod>().Where(p => p.Type == indicator.Period)
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Index)];
    }

    /// <summary>
    /// The computable values of one indicator for these enrolments in the given periods only, from those periods' inputs
    /// (a benchmark shows one period: the others' inputs are neither read nor computed). A benchmark reads only the
    /// periods an establishment has submitted (or that were validated): a draft is no one else's to see.
    /// </summary>
    public async Task<IReadOnlyList<PeriodValue>> ComputedAsync(
        IReadOnlyCollection<Guid> enrolmentIds, IndicatorDefinition indicator, IReadOnlyCollection<ReportingPeriod> periods, CancellationToken cancellationToken,
        bool submittedOnly = false)
    {
        var byKey = periods.DistinctBy(p => p.Key).ToDictionary(p => p.Key, StringComparer.Ordinal);
        var keys = byKey.Keys.ToList();
        var values = db.IndicatorValues.Where(v => enrolmentIds.Contains(v.EnrolmentId) && v.IndicatorId == indicator.Id && keys.Contains(v.Period));
        if (submittedOnly)
        {
            values = values.Where(v => db.IndicatorPeriodReports.Any(r => r.EnrolmentId == v.EnrolmentId && r.Period == v.Period
                && (r.Status == IndicatorValueStatus.Submitted || r.Status == IndicatorValueStatus.Validated)));
        }

        var rows = await values.Select(v => new { v.EnrolmentId, v.Period, v.InputId, v.Value }).ToListAsync(cancellationToken);
        var result = new List<PeriodValue>();
        foreach (var g in rows.GroupBy(r => (r.EnrolmentId, r.Period)))
        {
            if (IndicatorForm.Compute(indicator, g.ToDictionary(r => r.InputId, r => r.Value, StringComparer.Ordinal)).Value is { } value)
            {
                result.Add(new PeriodValue(g.Key.EnrolmentId, byKey[g.Key.Period], value));
            }
        }

        return result;
    }
}
