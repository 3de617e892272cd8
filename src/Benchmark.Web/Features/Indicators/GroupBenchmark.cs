using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Indicators;
using Benchmark.Data;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Indicators;

/// <summary>One establishment's value in a benchmark, under the label the viewer may see.</summary>
public sealed record BenchmarkEntry(Guid EnrolmentId, string Label, bool Named, decimal Value);

/// <summary>One indicator and period compared across a group or a wave.</summary>
public sealed record BenchmarkView(
    string Scope, Wave Wave, WorkflowDefinition Definition, IndicatorDefinition Indicator, ReportingPeriod Period,
    IReadOnlyList<ReportingPeriod> Periods, IReadOnlyList<BenchmarkEntry> Entries, int Compared, GroupDistribution? Distribution,
    IReadOnlyList<HistogramBin> Histogram, bool Anonymised, bool CanChooseMode);

/// <summary>
/// The benchmark of a group or a wave. It is the one place where values of establishments outside the viewer's scope
/// are read: only the computed value, under a letter. A name (never a FINESS) is shown only for enrolments the
/// viewer may see anyway, and a team member always sees the anonymised mode with their own establishment named.
/// </summary>
public sealed class GroupBenchmark(IndicatorData data, BenchmarkDbContext db)
{
    public async Task<BenchmarkView?> ForGroupAsync(Guid groupId, string? indicatorId, string? period, bool anonymise, CancellationToken cancellationToken)
    {
        var group = await data.Scope.Groups().AsNoTracking().SingleOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        return group is null
            ? null
            : await BuildAsync(group.Name, group.WaveId, db.Enrolments.Where(e => e.GroupId == groupId), indicatorId, period, anonymise, cancellationToken);
    }

    public async Task<BenchmarkView?> ForWaveAsync(Guid waveId, string? indicatorId, string? period, bool anonymise, CancellationToken cancellationToken)
    {
        var visible = await data.Scope.Waves().AnyAsync(w => w.Id == waveId, cancellationToken);
        return visible
            ? await BuildAsync("Toute la vague", waveId, db.Enrolments.Where(e => e.WaveId == waveId), indicatorId, period, anonymise, cancellationToken)
            : null;
    }

    private async Task<BenchmarkView?> BuildAsync(
        string scopeName, Guid waveId, IQueryable<Enrolment> enrolments, string? indicatorId, string? periodKey, bool anonymise, CancellationToken cancellationToken)
    {
        var wave = await db.Waves.AsNoTracking().SingleAsync(w => w.Id == waveId, cancellationToken);
        // The definition parsed once per process (not the calendar: the benchmark needs none).
        var definition = Api.Definitions.Parse(await db.ProgrammeDefinitions.AsNoTracking().SingleAsync(d => d.Id == wave.DefinitionId, cancellationToken));
        var indicator = definition.Indicators.FirstOrDefault(i => i.Id == indicatorId) ?? (definition.Indicators.Count > 0 ? definition.Indicators[0] : null);
        if (indicator is null)
        {
            return null;
        }

        var ids = await enrolments.IgnoreAutoIncludes().Where(e => e.Status != EnrolmentStatus.Withdrawn).Select(e => e.Id).ToListAsync(cancellationToken);
        var values = await data.ComputedAsync(ids, definition, indicator.Id, cancellationToken);
        var periods = values.Where(v => v.Value is not null).Select(v => v.Period).Distinct().OrderByDescending(p => p.Year).ThenByDescending(p => p.Index).ToList();
        var period = ReportingPeriod.TryParse(periodKey) is { } asked && asked.Type == indicator.Period
            ? asked
            : periods.FirstOrDefault() ?? ReportingPeriod.Containing(indicator.Period, data.Today);

        var user = data.Scope.User;
        var forced = !user.IsArsStaff && !user.IsConsultant;
        var anonymised = forced || anonymise;
        var named = await NamesAsync(ids, anonymised, forced, cancellationToken);
        var labels = Anonymiser.Labels(ids, id => named.GetValueOrDefault(id));
        var entries = values.Where(v => v.Period == period && v.Value is not null)
            .Select(v => new BenchmarkEntry(v.EnrolmentId, labels[v.EnrolmentId], named.ContainsKey(v.EnrolmentId), v.Value!.Value))
            .OrderBy(e => e.Label, StringComparer.Ordinal)
            .ToList();
        var numbers = entries.Select(e => e.Value).ToList();
        return new BenchmarkView(scopeName, wave, definition, indicator, period, periods, entries, ids.Count, GroupDistribution.Of(numbers),
            Histogram.Of(numbers), anonymised, !forced);
    }

    /// <summary>Names the viewer may read: their visible enrolments, or in anonymised mode only a team member's own.</summary>
    private async Task<Dictionary<Guid, string>> NamesAsync(List<Guid> ids, bool anonymised, bool ownOnly, CancellationToken cancellationToken)
    {
        if (anonymised && !ownOnly)
        {
            return [];
        }

        return await data.Scope.Enrolments().IgnoreAutoIncludes().Where(e => ids.Contains(e.Id))
            .Join(db.Establishments, e => e.EstablishmentId, x => x.Id, (e, x) => new { e.Id, x.Name })
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
    }
}
