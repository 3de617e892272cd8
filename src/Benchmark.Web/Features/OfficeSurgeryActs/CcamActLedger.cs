using Benchmark.Core.Common;
using Benchmark.Core.Definitions;
using Benchmark.Core.Indicators;
using Benchmark.Core.OfficeSurgery;
using Benchmark.Core.Reminders;
using Benchmark.Core.Roadmap;
using Benchmark.Data;
using Benchmark.Web.Features.Candidature;
using Benchmark.Web.Features.Indicators;
using Benchmark.Web.Features.Roadmap;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.OfficeSurgeryActs;

/// <summary>One office-surgery enrolment's act register for one year, with what the page shows beside it.</summary>
public sealed record CcamActsContext(
    IndicatorEnrolment Enrolment, ReportingPeriod Year, IReadOnlyList<ReportingPeriod> Years, IReadOnlyList<CcamActVolume> Lines,
    IndicatorPeriodReport? Report, CandidatureDossier Dossier, FundingPanel Funding, bool MayEnter)
{
    public CcamActCounts Totals => CcamActSheet.Total(Lines.Select(l => l.Counts));

    /// <summary>The year's indicators were submitted or validated: the register follows them and is read-only.</summary>
    public bool IsLocked => Report is { IsEditable: false };

    public bool CanEnter => MayEnter && !IsLocked;

    public string Path => $"/parcours/{Enrolment.Enrolment.Id}/actes-ccam";
}

/// <summary>
/// Reads and saves the act register through the access rule (an enrolment out of scope, or of another programme, is
/// not found). Saving writes the lines and the year's totals into the indicator values <c>patients-pris-en-charge</c>,
/// <c>actes-realises</c> and the inputs of <c>ratio-volumes</c> through <see cref="PeriodReporting"/>, in one SaveChanges,
/// so the funding rule (<see cref="FundingQuery"/>) judges the second tranche on them.
/// </summary>
public sealed class CcamActLedger(IndicatorData data, PeriodReporting reporting, BenchmarkDbContext db, TimeProvider clock)
{
    /// <summary>The programme that has an act register (seed 003).</summary>
    public const string Programme = "office-surgery";

    public async Task<IndicatorEnrolment?> EnrolmentAsync(Guid enrolmentId, CancellationToken cancellationToken) =>
        await data.EnrolmentAsync(enrolmentId, cancellationToken) is { Definition.Id: Programme } context ? context : null;

    public async Task<CcamActsContext?> LoadAsync(Guid enrolmentId, int? year, CancellationToken cancellationToken)
    {
        if (await EnrolmentAsync(enrolmentId, cancellationToken) is not { } enrolment)
        {
            return null;
        }

        var stored = await Lines(enrolmentId).Select(l => l.Year).Distinct().ToListAsync(cancellationToken);
        var years = data.Periods(enrolment.Programme, IndicatorPeriod.Year, stored.Select(y => IndicatorPeriods.Key(IndicatorPeriod.Year, y, 1)));
        var period = years.FirstOrDefault(p => p.Year == year) ?? ReportingPeriod.Containing(IndicatorPeriod.Year, data.Today);
        var lines = await Lines(enrolmentId).Where(l => l.Year == period.Year).OrderBy(l => l.Code).ToListAsync(cancellationToken);
        var report = await reporting.ReportAsync(enrolmentId, period.Key, cancellationToken);
        if (await new StructuredDeliverables(data.Scope, db).LoadAsync(enrolmentId, DeliverableKind.Candidature, cancellationToken) is not { } candidature)
        {
            return null;
        }

        // The contracted volumes are those of the dossier the ARS received (the approved or last submitted version), else the draft.
        var dossier = StructuredJson.Deserialize<CandidatureDossier>(candidature.Latest?.StructuredJson ?? candidature.Draft?.Json);
        var funding = await FundingQuery.LoadAsync(db, candidature, cancellationToken);
        var user = data.Scope.User;
        return new CcamActsContext(enrolment, period, years, lines, report, dossier ?? CandidatureDossier.Empty, funding, user.IsTeamMember || user.IsConsultant || user.IsArsAdmin);
    }

    /// <summary>Every line of an enrolment, all years (the caller has checked the enrolment is in scope).</summary>
    public Task<List<CcamActVolume>> AllAsync(Guid enrolmentId, CancellationToken cancellationToken) =>
        Lines(enrolmentId).OrderBy(l => l.Year).ThenBy(l => l.Code).ToListAsync(cancellationToken);

    /// <summary>Replaces the year's lines with <paramref name="lines"/> (checked by <see cref="CcamActSheet.Check"/>) and feeds the indicators.</summary>
    public async Task<Result<CcamActCounts>> SaveAsync(CcamActsContext context, IReadOnlyList<CcamActLine> lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(lines);
        if (context.IsLocked)
        {
            return Error.Conflict(Locked(context));
        }

        var now = clock.GetUtcNow();
        var actor = data.Scope.User.Name;
        var enrolmentId = context.Enrolment.Enrolment.Id;
        var existing = await db.Set<CcamActVolume>().Where(l => l.EnrolmentId == enrolmentId && l.Year == context.Year.Year)
            .ToDictionaryAsync(l => l.Code, StringComparer.Ordinal, cancellationToken);
        foreach (var line in lines)
        {
            if (!existing.Remove(line.Code.Value, out var row))
            {
                db.Add(new CcamActVolume(Guid.CreateVersion7(), enrolmentId, context.Year.Year, line.Code, line.Counts, actor, now));
            }
            else if (row.Counts != line.Counts)
            {
                row.Update(line.Counts, actor, now);
            }
        }

        db.RemoveRange(existing.Values);
        var totals = CcamActSheet.Total(lines.Select(l => l.Counts));
        var form = new IndicatorFormResult(IndicatorInputs(context.Enrolment.Definition, totals), new Dictionary<string, string>(), []);
        var saved = await reporting.SaveAsync(context.Enrolment, context.Year, form, actor, submit: false, cancellationToken);
        return saved.IsSuccess ? totals : saved.Error!;
    }

    /// <summary>Why a locked year is refused, in French.</summary>
    public static string Locked(CcamActsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Report?.Status == Core.Domain.IndicatorValueStatus.Validated
            ? $"Les indicateurs de l'année {context.Year.Year} sont validés et verrouillés : les actes ne peuvent plus être modifiés. Un administrateur ARS peut déverrouiller l'année sur la page de saisie des indicateurs."
            : $"Les indicateurs de l'année {context.Year.Year} sont soumis au consultant : les actes ne peuvent plus être modifiés tant qu'ils ne sont pas renvoyés à l'équipe.";
    }

    /// <summary>The indicator entries the totals feed, limited to those the programme's definition declares.</summary>
    public static IReadOnlyDictionary<(string IndicatorId, string InputId), decimal?> IndicatorInputs(WorkflowDefinition definition, CcamActCounts totals)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(totals);
        var candidates = new Dictionary<(string, string), decimal?>
        {
            [("patients-pris-en-charge", "")] = totals.Patients,
            [(FundingQuery.RealisedIndicator, "")] = totals.Acts,
            [(FundingQuery.RatioIndicator, FundingQuery.RealisedInput)] = totals.Acts,
            [(FundingQuery.RatioIndicator, "actes_contractualises")] = totals.Contracted > 0 ? totals.Contracted : null,
        };
        return candidates.Where(c => definition.Indicators.FirstOrDefault(i => i.Id == c.Key.Item1) is { } indicator
                && IndicatorForm.Entries(indicator).Any(e => e.InputId == c.Key.Item2))
            .ToDictionary(c => c.Key, c => c.Value);
    }

    private IQueryable<CcamActVolume> Lines(Guid enrolmentId) => db.Set<CcamActVolume>().Where(l => l.EnrolmentId == enrolmentId);
}
