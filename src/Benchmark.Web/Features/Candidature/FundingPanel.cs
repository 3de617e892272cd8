using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.OfficeSurgery;
using Benchmark.Core.Roadmap;
using Benchmark.Data;
using Benchmark.Web.Features.Roadmap;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Candidature;

/// <summary>The ARS visit gate as the candidature page shows it: its phase, state and last decision.</summary>
public sealed record VisitGate(PhaseDefinition Phase, PhaseStatus Status, VisitOutcome Outcome, GateDecision? Decision);

/// <summary>The funding panel: the plan computed by <see cref="Funding.Compute"/> and where its inputs came from.</summary>
public sealed record FundingPanel(FundingPlan Plan, string DossierSource, string? RealisedSource, VisitGate? Visit);

/// <summary>
/// Gathers the funding rule's inputs: requested amount and contracted volumes from the dossier (the approved version,
/// else the last submitted one, else the draft), realised acts from the enrolment's indicator values (the latest
/// yearly value of <c>actes-realises</c>, else the <c>actes_realises</c> input of <c>ratio-volumes</c>, as named in
/// <c>workflows/office-surgery.yaml</c>), the visit outcome from the first go / no-go gate of the programme.
/// </summary>
public static class FundingQuery
{
    public const string RealisedIndicator = "actes-realises";
    public const string RatioIndicator = "ratio-volumes";
    public const string RealisedInput = "actes_realises";

    public static async Task<FundingPanel> LoadAsync(BenchmarkDbContext db, StructuredContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(context);
        var (dossier, source) = Dossier(context);
        var values = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.EnrolmentId == context.Enrolment.Id && v.Value != null
                && ((v.IndicatorId == RealisedIndicator && v.InputId == "") || (v.IndicatorId == RatioIndicator && v.InputId == RealisedInput)))
            .Select(v => new { v.IndicatorId, v.Period, v.Value })
            .ToListAsync(cancellationToken);
        var realised = values.OrderBy(v => v.IndicatorId == RealisedIndicator ? 0 : 1).ThenByDescending(v => v.Period, StringComparer.Ordinal).FirstOrDefault();
        var visit = Visit(context);
        var plan = Funding.Compute(dossier.RequestedAmount ?? 0m, dossier.ContractedVolume, realised is null ? null : (int)decimal.Truncate(realised.Value!.Value), visit?.Outcome ?? VisitOutcome.Pending);
        return new FundingPanel(plan, source, realised is null ? null : $"indicateur « {(realised.IndicatorId == RealisedIndicator ? "Nombre d'actes réalisés" : "Volumes réalisés / contractualisés")} », période {realised.Period}", visit);
    }

    private static (CandidatureDossier Dossier, string Source) Dossier(StructuredContext context)
    {
        if (context.Approved is { } approved && StructuredJson.Deserialize<CandidatureDossier>(approved.StructuredJson) is { } a)
        {
            return (a, $"dossier validé (version {approved.Version})");
        }

        if (context.Latest is { } latest && StructuredJson.Deserialize<CandidatureDossier>(latest.StructuredJson) is { } l)
        {
            return (l, $"dossier déposé, pas encore validé (version {latest.Version})");
        }

        return StructuredJson.Deserialize<CandidatureDossier>(context.Draft?.Json) is { } d
            ? (d, "brouillon du dossier (non déposé)")
            : (CandidatureDossier.Empty, "aucun dossier");
    }

    private static VisitGate? Visit(StructuredContext context)
    {
        var phase = context.Definition.Phases.FirstOrDefault(p => p.Gate.Decision is not null);
        if (phase is null)
        {
            return null;
        }

        var last = context.Enrolment.Decisions.Where(d => d.PhaseId == phase.Id).OrderBy(d => d.At).LastOrDefault();
        var outcome = last is null ? VisitOutcome.Pending : last.Go ? VisitOutcome.Go : VisitOutcome.NoGo;
        return new VisitGate(phase, context.Enrolment.Phase(phase.Id)?.Status ?? PhaseStatus.Pending, outcome, last);
    }
}
