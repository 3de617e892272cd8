using Benchmark.Core.Roadmap;

namespace Benchmark.Core.OfficeSurgery;

/// <summary>An act of section B: CCAM code, wording, pathologies, yearly volume before the project and contracted in it.</summary>
public sealed record CandidatureAct(string Id, string Code, string Label, string Pathologies, int? VolumeBefore, int? ContractedVolume);

/// <summary>
/// The office-surgery candidature dossier (seed 003, sections A–I): free texts keyed by <see cref="CandidatureSections"/>
/// field ids, the acts of section B, the amount asked in section F, the planned launch of section G and the risk map
/// of section I. Serialised as the structured content of the <c>candidature</c> deliverable.
/// </summary>
public sealed record CandidatureDossier(
    IReadOnlyDictionary<string, string> Texts,
    IReadOnlyList<CandidatureAct> Acts,
    decimal? RequestedAmount,
    DateOnly? PlannedLaunch,
    IReadOnlyList<Risk> Risks)
{
    public static CandidatureDossier Empty { get; } = new(new Dictionary<string, string>(), [], null, null, []);

    public string Text(string fieldId) => Texts.TryGetValue(fieldId, out var value) ? value : "";

    /// <summary>The yearly act volume the establishment commits to (sum over the acts of section B).</summary>
    public int ContractedVolume => Acts.Sum(a => a.ContractedVolume ?? 0);
}

/// <summary>A free-text field of the dossier.</summary>
public sealed record CandidatureField(string Id, string Label, string? Hint, bool Required = true);

/// <summary>A mandatory section of the dossier, A to I, with its free-text fields.</summary>
public sealed record CandidatureSection(string Letter, string Title, IReadOnlyList<CandidatureField> Fields);

/// <summary>The plan of the dossier, as the call for projects imposes it (its structure is mandatory).</summary>
public static class CandidatureSections
{
    public const string Summary = "resume";
    public const int SummaryMaxWords = 400;

    public static IReadOnlyList<CandidatureSection> All { get; } =
    [
        new("A", "Résumé du projet", [new(Summary, "Résumé du projet", "Moins de 400 mots : les points clés du projet (reprise de la lettre d'intention).")]),
        new("B", "Champs d'intervention",
        [
            new("litterature", "Éléments publiés dans la littérature", "Littérature scientifique et grise : résultat chirurgical, parcours patient, analyse médico-économique."),
            new("rationnel", "Rationnel de réalisation en Office Surgery", "Niveau de technicité chirurgicale, niveau 1 d'anesthésie suffisant, faible fréquence des complications…"),
            new("chemin-clinique", "Chemin clinique", "Interventions des professionnels et étapes essentielles de la prise en charge."),
            new("pertinence", "Analyse de la pertinence des actes", "Pour les actes du PAPRAPS 2020 (chirurgie de la main, hystéroscopie) : âge de la population, démarche diagnostique.", Required: false),
        ]),
        new("C", "Le patient dans le projet",
        [
            new("criteres-inclusion", "Critères d'inclusion", null),
            new("criteres-exclusion", "Critères d'exclusion", null),
            new("criteres-vulnerabilite", "Critères de vulnérabilité et leur place", "Fragilité, isolement social, faible littératie en santé : exclusion ou mesures spécifiques."),
            new("consentement", "Compréhension et consentement du patient", null),
            new("place-patient", "Place et parcours du patient", "Information, adhésion, participation ; check-list des étapes ; continuité du parcours de soins."),
        ]),
        new("D", "Le déroulé des interventions",
        [
            new("locaux", "Organisation physique", "Locaux (traitement de l'air, entretien des surfaces), positionnement par rapport au bloc, parcours patient et professionnel."),
            new("avant-intervention", "Avant l'intervention", "Consultations préopératoires, sécurisation du parcours, place de l'équipe anesthésique, jour de l'intervention."),
            new("intervention", "L'intervention", "Participants et qualifications, technique chirurgicale, anesthésie, gestion du risque infectieux."),
            new("post-operatoire", "La phase post opératoire", "Surveillance, prise en charge des complications, suivi, retour d'expérience du patient."),
        ]),
        new("E", "L'organisation du projet",
        [
            new("organisation-humaine", "Organisation humaine", "Opérateur principal, aide opératoire, formations."),
            new("organisation-institutionnelle", "Organisation institutionnelle", "Équipes d'hygiène et d'anesthésie, gestion des urgences, partenariats, coordination (référents, outils de suivi)."),
        ]),
        new("F", "Le dossier financier", [new("usage-fonds", "Utilisation des fonds", "Achats de matériel et/ou mise aux normes de locaux existants (budget joint en annexe).")]),
        new("G", "Le calendrier de réalisation", [new("calendrier", "Calendrier", "Travaux de mise aux normes, visite de risque de l'équipe d'hygiène, visite de l'ARS.")]),
        new("H", "Le suivi et l'évaluation",
        [
            new("modalites-suivi", "Modalités de suivi", "Dont le registre des patients pris en charge sur la modalité."),
            new("indicateurs-internes", "Indicateurs d'évaluation internes", null),
        ]),
        new("I", "Analyse a priori et a posteriori des risques", [new("analyse-risques", "Analyse des risques", "En complément de la cartographie : éléments mis en œuvre pour éviter chaque risque et actions correctrices.", Required: false)]),
    ];

    public static CandidatureField? Find(string id) => All.SelectMany(s => s.Fields).FirstOrDefault(f => f.Id == id);

    public static int Words(string? text) =>
        string.IsNullOrWhiteSpace(text) ? 0 : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
