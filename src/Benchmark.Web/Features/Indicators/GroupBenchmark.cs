using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Indicators;
using Benchmark.Data;
using Benchmark.Web.Features.Api;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Indicators;

/// <summary>One establishment's value in a benchmark, under the label the viewer may see.</summary>
public sealed record BenchmarkEntry(Guid EnrolmentId, string Label, bool Named, decimal Value);

/// <summary>One indicator and period compared across a group or a wave.</summary>
public sealed record BenchmarkView(
    string Scope, string WaveName, WorkflowDefinition Definition, IndicatorDefinition Indicator, ReportingPeriod Period,
    IReadOnlyList<ReportingPeriod> Periods, IReadOnlyList<BenchmarkEntry> Entries, int Compared, GroupDistribution? Distribution,
    IReadOnlyList<HistogramBin> Histogram, bool Anonymised, bool CanChooseMode, bool Withheld);

/// <summary>
/// The benchmark of a group or a wave. It is the one place where values of establishments outside the viewer's scope
/// are read: only the computed value, under a letter, of a period the establishment submitted (never a draft). A name
/// (never a FINESS) is shown only for enrolments the viewer may see anyway, and a team member always sees the
/// anonymised mode with their own establishment named. An anonymised comparison of fewer than
/// <see cref="MinimumAnonymised"/> establishments is withheld whole: with two, each would read the other's value.
/// </summary>
public sealed class GroupBenchmark(IndicatorData data, BenchmarkDbContext db)
{
    public const int MinimumAnonymised = 3;

    /// <summary>What the page heads with, read in one statement: the definition by its hash (its source only on a cache miss).</summary>
    private sealed record Heading(string Scope, string WaveName, Guid DefinitionId, string DefinitionHash);

    public async Task<BenchmarkView?> ForGroupAsync(Guid groupId, string? indicatorId, string? period, bool anonymise, CancellationToken cancellationToken)
    {
        var heading = await (
            from g in data.Scope.Groups()
            where g.Id == groupId
            join w in db.Waves on g.WaveId equals w.Id
            join d in db.ProgrammeDefinitions on w.DefinitionId equals d.Id
            select new Heading(g.Name, w.Name, d.Id, d.Hash)).SingleOrDefaultAsync(cancellationToken);
        return heading is null
            ? null
            : await BuildAsync(heading, db.Enrolments.Where(e => e.GroupId == groupId), indicatorId, period, anonymise, cancellationToken);
    }

    public async Task<BenchmarkView?> ForWaveAsync(Guid waveId, string? indicatorId, string? period, bool anonymise, CancellationToken cancellationToken)
    {
        var heading = await (
            from w in data.Scope.Waves()
            where w.Id == waveId
            join d in db.ProgrammeDefinitions on w.DefinitionId equals d.Id
            select new Heading("Toute la vague", w.Name, d.Id, d.Hash)).SingleOrDefaultAsync(cancellationToken);
        return heading is null
            ? null
            : await BuildAsync(heading, db.Enrolments.Where(e => e.WaveId == waveId), indicatorId, period, anonymise, cancellationToken);
    }

    private async Task<BenchmarkView?> BuildAsync(
        Heading heading, IQueryable<Enrolment> enrolments, string? indicatorId, string? periodKey, bool anonymise, CancellationToken cancellationToken)
    {
        var definition = await Definitions.ParseAsync(db, heading.DefinitionId, heading.DefinitionHash, cancellationToken);
        var indicator = definition.Indicators.FirstOrDefault(i => i.Id == indicatorId) ?? (definition.Indicators.Count > 0 ? definition.Indicators[0] : null);
        if (indicator is null)
        {
            return null;
        }

        var user = data.Scope.User;
        var forced = !user.IsArsStaff && !user.IsConsultant;
        var anonymised = forced || anonymise;
        var compared = await ComparedAsync(enrolments, withNames: !anonymised || forced, cancellationToken);
        var ids = compared.Select(c => c.Id).ToList();
        var named = compared.Where(c => c.Name is not null).ToDictionary(c => c.Id, c => c.Name!);
        var labels = Anonymiser.Labels(ids, id => named.GetValueOrDefault(id));
        var periods = await data.PeriodsWithInputsAsync(ids, indicator, cancellationToken);
        var asked = ReportingPeriod.TryParse(periodKey) is { } p && p.Type == indicator.Period ? p : null;
        var (period, values) = await ShownAsync(ids, indicator, asked, periods, cancellationToken);
        var entries = values
            .Select(v => new BenchmarkEntry(v.EnrolmentId, labels[v.EnrolmentId], named.ContainsKey(v.EnrolmentId), v.Value))
            .OrderBy(e => e.Label, StringComparer.Ordinal)
            .ToList();
        var withheld = anonymised && entries.Count is > 0 and < MinimumAnonymised;
        if (withheld)
        {
            entries = [];
        }

        var numbers = entries.Select(e => e.Value).ToList();
        return new BenchmarkView(heading.Scope, heading.WaveName, definition, indicator, period, periods, entries, ids.Count, GroupDistribution.Of(numbers),
            Histogram.Of(numbers), anonymised, !forced, withheld);
    }

    /// <summary>
    /// The compared enrolments (withdrawn ones left out) with the name the viewer may read: only for an enrolment of their
    /// scope, and only when names are shown at all (not anonymised, or a team member's own).
    /// </summary>
    private async Task<List<(Guid Id, string? Name)>> ComparedAsync(IQueryable<Enrolment> enrolments, bool withNames, CancellationToken cancellationToken)
    {
        var visible = data.Scope.Enrolments();
        var rows = await (
            from e in enrolments.IgnoreAutoIncludes()
            where e.Status != EnrolmentStatus.Withdrawn
            join x in db.Establishments on e.EstablishmentId equals x.Id
            select new { e.Id, Name = withNames && visible.Any(v => v.Id == e.Id) ? x.Name : null }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Id, r.Name))];
    }

    /// <summary>
    /// The period shown and its values: the asked one, else the newest holding a computable value (today's when none).
    /// Only the newest period's inputs are read first; older ones only when they do not compute yet (a half-entered draft).
    /// </summary>
    private async Task<(ReportingPeriod Period, IReadOnlyList<PeriodValue> Values)> ShownAsync(
        List<Guid> ids, IndicatorDefinition indicator, ReportingPeriod? asked, IReadOnlyList<ReportingPeriod> periods, CancellationToken cancellationToken)
    {
        var today = ReportingPeriod.Containing(indicator.Period, data.Today);
        if ((asked ?? (periods.Count > 0 ? periods[0] : null)) is not { } first)
        {
            return (today, []);
        }

        var values = await data.ComputedAsync(ids, indicator, [first], cancellationToken, submittedOnly: true);
        if (asked is not null || values.Count > 0)
        {
            return (first, values);
        }

        var older = periods.Count > 1 ? await data.ComputedAsync(ids, indicator, [.. periods.Skip(1)], cancellationToken, submittedOnly: true) : [];
        return older.MaxBy(v => (v.Period.Year, v.Period.Index)) is { } newest
            ? (newest.Period, [.. older.Where(v => v.Period == newest.Period)])
            : (today, []);
    }
}
