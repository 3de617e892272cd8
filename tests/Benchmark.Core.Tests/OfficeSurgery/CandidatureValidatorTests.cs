using Benchmark.Core.OfficeSurgery;
using Benchmark.Core.Roadmap;

namespace Benchmark.Core.Tests.OfficeSurgery;

public sealed class CandidatureValidatorTests
{
    private static CandidatureDossier Complete() => new(
        CandidatureSections.All.SelectMany(s => s.Fields).ToDictionary(f => f.Id, f => $"Texte de {f.Label}"),
        [new("a1", "BJMA002", "Canal carpien", "Syndrome du canal carpien", 40, 120)],
        90_000m,
        new DateOnly(2027, 3, 1),
        [new Risk("r1", "Hygiène", "Infection du site opératoire", 3, 1, "Protocole de bionettoyage", "Équipe d'hygiène", new DateOnly(2027, 2, 1))]);

    [Fact]
    public void Validate_WhenEverySectionFilled_ThenNoError()
    {
        Assert.Empty(CandidatureValidator.Validate(Complete(), forSubmission: true));
    }

    [Fact]
    public void Validate_WhenSummaryOver400Words_ThenSectionAError()
    {
        var texts = new Dictionary<string, string>(Complete().Texts) { [CandidatureSections.Summary] = string.Join(' ', Enumerable.Repeat("mot", 401)) };

        var error = Assert.Single(CandidatureValidator.Validate(Complete() with { Texts = texts }, forSubmission: false));

        Assert.Equal("Texts[resume]", error.Field);
        Assert.Contains("401 mots", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenSummaryExactly400Words_ThenAccepted()
    {
        var texts = new Dictionary<string, string>(Complete().Texts) { [CandidatureSections.Summary] = string.Join(' ', Enumerable.Repeat("mot", 400)) };

        Assert.Empty(CandidatureValidator.Validate(Complete() with { Texts = texts }, forSubmission: true));
    }

    [Fact]
    public void Validate_WhenBadCcamAndAmountOverCap_ThenErrorsEvenInADraft()
    {
        var dossier = Complete() with { Acts = [new("a1", "BJM002", "Canal carpien", "", null, 10)], RequestedAmount = 100_000.01m };

        var fields = CandidatureValidator.Validate(dossier, forSubmission: false).Select(e => e.Field).ToList();

        Assert.Equal(["Acts[0].Code", "RequestedAmount"], fields);
    }

    [Fact]
    public void Validate_WhenSubmittingAnEmptyDossier_ThenEveryMandatorySectionIsNamed()
    {
        var errors = CandidatureValidator.Validate(CandidatureDossier.Empty, forSubmission: true);

        foreach (var letter in new[] { "A", "B", "C", "D", "E", "F", "G", "H", "I" })
        {
            Assert.Contains(errors, e => e.Message.StartsWith($"Section {letter} ", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(errors, e => e.Field == "Texts[pertinence]");
        Assert.Empty(CandidatureValidator.Validate(CandidatureDossier.Empty, forSubmission: false));
    }

    [Fact]
    public void ContractedVolume_WhenSeveralActs_ThenTheirSum()
    {
        var dossier = Complete() with { Acts = [new("a1", "BJMA002", "x", "", null, 120), new("a2", "JKFE001", "y", "", null, 30), new("a3", "QZFA001", "z", "", null, null)] };

        Assert.Equal(150, dossier.ContractedVolume);
    }
}
