using System.Globalization;

namespace Benchmark.Core.OfficeSurgery;

/// <summary>The outcome of the ARS visit of the installations (the go / no-go gate before launch).</summary>
public enum VisitOutcome
{
    Pending,
    Go,
    NoGo,
}

public enum TrancheState
{
    /// <summary>The condition is met: the tranche is to be paid.</summary>
    Due,

    /// <summary>The condition cannot be judged yet (visit not made, indicators not reported).</summary>
    Waiting,

    /// <summary>The condition is not met: nothing is paid.</summary>
    NotDue,
}

public sealed record Tranche(string Title, decimal Amount, TrancheState State, string Explanation);

public sealed record FundingPlan(decimal Requested, decimal Allocated, int Contracted, int? Realised, Tranche Launch, Tranche Balance)
{
    /// <summary>Realised / contracted volumes, in percent; null when either is unknown or nothing was contracted.</summary>
    public decimal? Ratio => Realised is { } r && Contracted > 0 ? Math.Round(100m * r / Contracted, 1) : null;
}

/// <summary>
/// The office-surgery seed funding (seed 003, section F): at most 100 000 € per project, paid in two halves: 50 % at
/// launch (on invoices, once the ARS visit is favourable), the other 50 % on the year's indicators, provided at least
/// 50 % of the contracted act volumes were performed. An unfavourable visit may bar the conditional funds.
/// </summary>
public static class Funding
{
    public const decimal Cap = 100_000m;

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static FundingPlan Compute(decimal requested, int contracted, int? realised, VisitOutcome visit)
    {
        var allocated = Math.Clamp(requested, 0m, Cap);
        var first = Math.Round(allocated / 2m, 2, MidpointRounding.ToZero);
        var launch = visit switch
        {
            VisitOutcome.Go => new Tranche("1re tranche (50 %, au lancement)", first, TrancheState.Due, "Visite des installations favorable : versée au lancement du projet, sur factures."),
            VisitOutcome.Pending => new Tranche("1re tranche (50 %, au lancement)", first, TrancheState.Waiting, "Versée au lancement, après une visite des installations favorable de l'ARS."),
            VisitOutcome.NoGo => new Tranche("1re tranche (50 %, au lancement)", first, TrancheState.NotDue, "Visite des installations défavorable : le projet ne peut être lancé."),
        };
        return new FundingPlan(requested, allocated, contracted, realised, launch, Balance(allocated - first, contracted, realised, visit));
    }

    private static Tranche Balance(decimal amount, int contracted, int? realised, VisitOutcome visit)
    {
        const string title = "2e tranche (50 %, sur les indicateurs de l'année)";
        if (visit == VisitOutcome.NoGo)
        {
            return new(title, amount, TrancheState.NotDue, "Visite des installations défavorable : élément rédhibitoire pour les fonds conditionnés à l'évaluation.");
        }

        if (contracted <= 0)
        {
            return new(title, amount, TrancheState.NotDue, "Aucun volume d'actes contractualisé : la condition d'au moins 50 % des volumes ne peut être remplie.");
        }

        if (realised is not { } done)
        {
            return new(title, amount, TrancheState.Waiting, string.Create(French,
                $"En attente des indicateurs de l'année : il faudra au moins {Half(contracted)} actes réalisés sur {contracted} contractualisés."));
        }

        var percent = Math.Round(100m * done / contracted, 1);

        // Compared in integers: 2 × realised ≥ contracted is "at least 50 %" with no rounding at the edge.
        return 2L * done >= contracted
            ? new(title, amount, TrancheState.Due, string.Create(French, $"{done} actes réalisés sur {contracted} contractualisés ({percent:0.#} %) : au moins 50 % atteints, le solde est dû."))
            : new(title, amount, TrancheState.NotDue, string.Create(French, $"{done} actes réalisés sur {contracted} contractualisés ({percent:0.#} %) : moins de 50 %, le solde n'est pas versé."));
    }

    /// <summary>The smallest number of acts that reaches half of the contracted volume.</summary>
    private static int Half(int contracted) => (contracted + 1) / 2;
}
