using System.Globalization;
using Benchmark.Core.OfficeSurgery;
using Benchmark.Core.Roadmap;
using Benchmark.Web.Features.Roadmap;

namespace Benchmark.Web.Features.Candidature;

/// <summary>An act of section B as posted.</summary>
public sealed class ActRow
{
    public string? Id { get; set; }

    public string? Code { get; set; }

    public string? Label { get; set; }

    public string? Pathologies { get; set; }

    public string? VolumeBefore { get; set; }

    public string? ContractedVolume { get; set; }

    public bool Remove { get; set; }
}

/// <summary>The candidature editor's form, as typed; <see cref="Read"/> builds the dossier and checks it (errors keyed by input name).</summary>
public sealed class CandidatureForm
{
    public Dictionary<string, string> Texts { get; set; } = new(StringComparer.Ordinal);

    public List<ActRow> Acts { get; set; } = [];

    public string? RequestedAmount { get; set; }

    public string? PlannedLaunch { get; set; }

    public List<RiskRow> Risks { get; set; } = [];

    public static CandidatureForm From(CandidatureDossier dossier) => new()
    {
        Texts = new Dictionary<string, string>(dossier.Texts, StringComparer.Ordinal),
        Acts = [.. dossier.Acts.Select(a => new ActRow
        {
            Id = a.Id, Code = a.Code, Label = a.Label, Pathologies = a.Pathologies,
            VolumeBefore = a.VolumeBefore?.ToString(CultureInfo.InvariantCulture), ContractedVolume = a.ContractedVolume?.ToString(CultureInfo.InvariantCulture),
        })],
        RequestedAmount = FormRows.Invariant(dossier.RequestedAmount),
        PlannedLaunch = FormRows.Iso(dossier.PlannedLaunch),
        Risks = [.. dossier.Risks.Select(RiskRow.From)],
    };

    public CandidatureForm WithBlankLines()
    {
        Acts.Add(new ActRow());
        Risks.Add(new RiskRow());
        return this;
    }

    public (CandidatureDossier Dossier, IReadOnlyList<FieldError> Errors) Read(bool forSubmission)
    {
        var errors = new List<FieldError>();
        var texts = CandidatureSections.All.SelectMany(s => s.Fields)
            .Select(f => (f.Id, Text: FormRows.Text(Texts.GetValueOrDefault(f.Id))))
            .Where(x => x.Text.Length > 0)
            .ToDictionary(x => x.Id, x => x.Text, StringComparer.Ordinal);

        var (acts, actIndex) = (new List<CandidatureAct>(), new List<int>());
        for (var i = 0; i < Acts.Count; i++)
        {
            var row = Acts[i];
            if (row.Remove || FormRows.Blank(row.Code, row.Label, row.Pathologies, row.VolumeBefore, row.ContractedVolume))
            {
                continue;
            }

            var line = new LineReader(errors, $"{nameof(Acts)}[{i}]", $"Acte {i + 1}");
            var code = Ccam.Parse(row.Code);
            acts.Add(new CandidatureAct(
                FormRows.IdOr(row.Id), code.IsSuccess ? code.Value.Value : FormRows.Text(row.Code), FormRows.Text(row.Label), FormRows.Text(row.Pathologies),
                line.Integer(row.VolumeBefore, nameof(row.VolumeBefore), "le volume avant projet"),
                line.Integer(row.ContractedVolume, nameof(row.ContractedVolume), "le volume contractualisé")));
            actIndex.Add(i);
        }

        var amount = FormRows.Number(RequestedAmount, errors, nameof(RequestedAmount), "Section F : le financement demandé est un montant en euros.");
        var launch = new LineReader(errors, "", "Section G").Date(PlannedLaunch, nameof(PlannedLaunch));
        var (risks, riskIndex) = RiskRow.Read(Risks, nameof(Risks), errors);
        var dossier = new CandidatureDossier(texts, acts, amount, launch, risks);

        IEnumerable<FieldError> checks = CandidatureValidator.Validate(dossier, forSubmission);
        checks = FormRows.Rekey(checks, nameof(Acts), actIndex);
        checks = FormRows.Rekey(checks, nameof(Risks), riskIndex);
        errors.AddRange(checks);
        return (dossier, [.. errors.Select(e => e.Field.StartsWith('.') ? e with { Field = e.Field[1..] } : e)]);
    }
}
