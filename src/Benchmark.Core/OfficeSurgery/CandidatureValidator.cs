using System.Globalization;
using Benchmark.Core.Roadmap;

namespace Benchmark.Core.OfficeSurgery;

/// <summary>
/// Checks the dossier. Always: the résumé's length, CCAM codes, volumes, the amount (at most 100 000 €) and the risk
/// lines. On submission also every mandatory section: the required texts, at least one act with its contracted
/// volume, the amount asked and at least one risk.
/// </summary>
public static class CandidatureValidator
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static IReadOnlyList<FieldError> Validate(CandidatureDossier dossier, bool forSubmission)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var errors = new List<FieldError>();
        foreach (var section in CandidatureSections.All)
        {
            foreach (var field in section.Fields)
            {
                var text = dossier.Text(field.Id);
                if (forSubmission && field.Required && string.IsNullOrWhiteSpace(text))
                {
                    errors.Add(new($"Texts[{field.Id}]", $"Section {section.Letter} : « {field.Label} » est obligatoire."));
                }
                else if (text.Length > 20_000)
                {
                    errors.Add(new($"Texts[{field.Id}]", $"Section {section.Letter} : « {field.Label} » dépasse 20 000 caractères."));
                }
            }
        }

        var words = CandidatureSections.Words(dossier.Text(CandidatureSections.Summary));
        if (words > CandidatureSections.SummaryMaxWords)
        {
            errors.Add(new($"Texts[{CandidatureSections.Summary}]", string.Create(French,
                $"Section A : le résumé compte {words} mots ; il en faut moins de {CandidatureSections.SummaryMaxWords} (400 au plus).")));
        }

        ValidateActs(dossier.Acts, forSubmission, errors);
        if (dossier.RequestedAmount is { } amount && (amount <= 0 || amount > Funding.Cap))
        {
            errors.Add(new(nameof(dossier.RequestedAmount), "Section F : le financement demandé est un montant positif d'au plus 100 000 €."));
        }
        else if (forSubmission && dossier.RequestedAmount is null)
        {
            errors.Add(new(nameof(dossier.RequestedAmount), "Section F : indiquez le financement demandé (100 000 € au plus)."));
        }

        RoadmapValidator.ValidateRisks(dossier.Risks, errors, nameof(dossier.Risks));
        if (forSubmission && dossier.Risks.Count == 0)
        {
            errors.Add(new(nameof(dossier.Risks), "Section I : la cartographie des risques doit comporter au moins un risque."));
        }

        return errors;
    }

    private static void ValidateActs(IReadOnlyList<CandidatureAct> acts, bool forSubmission, List<FieldError> errors)
    {
        if (forSubmission && acts.Count == 0)
        {
            errors.Add(new("Acts", "Section B : indiquez au moins un acte chirurgical avec son code CCAM."));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < acts.Count; i++)
        {
            var act = acts[i];
            var prefix = $"Acts[{i}]";
            var code = Ccam.Parse(act.Code);
            if (!code.IsSuccess)
            {
                errors.Add(new($"{prefix}.Code", $"Acte {i + 1} : {code.Error!.Message}"));
            }
            else if (!seen.Add(code.Value.Value))
            {
                errors.Add(new($"{prefix}.Code", $"Acte {i + 1} : le code {code.Value} figure déjà dans la liste."));
            }

            if (string.IsNullOrWhiteSpace(act.Label))
            {
                errors.Add(new($"{prefix}.Label", $"Acte {i + 1} : indiquez le libellé de l'acte."));
            }

            if (act.VolumeBefore is < 0)
            {
                errors.Add(new($"{prefix}.VolumeBefore", $"Acte {i + 1} : le volume annuel avant projet ne peut être négatif."));
            }

            if (act.ContractedVolume is < 0)
            {
                errors.Add(new($"{prefix}.ContractedVolume", $"Acte {i + 1} : le volume annuel contractualisé ne peut être négatif."));
            }
            else if (forSubmission && act.ContractedVolume is null)
            {
                errors.Add(new($"{prefix}.ContractedVolume", $"Acte {i + 1} : indiquez le volume annuel envisagé dans le cadre du projet."));
            }
        }
    }
}
