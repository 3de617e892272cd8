using Benchmark.Core.Roadmap;

namespace Benchmark.Core.Tests.Roadmap;

public sealed class RoadmapValidatorTests
{
    private static readonly IndicatorChoice[] Indicators = [new("taux-annulation", "Taux d'annulation", "%", 0, 100)];

    private static RoadmapAction Action(DateOnly? start = null, DateOnly? due = null, int progress = 0, ActionStatus status = ActionStatus.NotStarted, string title = "Créer une cellule de gestion des lits") =>
        new("a1", title, "Gestion opérationnelle", "Cadre de santé", start ?? new DateOnly(2027, 1, 4), due ?? new DateOnly(2027, 3, 31), ActionPriority.High, status, progress, "Moins d'annulations");

    private static RoadmapDocument Document(params RoadmapAction[] actions) => RoadmapDocument.Empty with { Actions = actions };

    [Fact]
    public void Validate_WhenComplete_ThenNoError()
    {
        var document = new RoadmapDocument(
            [Action()],
            [new("t1", "taux-annulation", 12, 5, new DateOnly(2027, 12, 31))],
            [new("r1", "Organisation", "Adhésion des équipes", 3, 2, "Réunions de service", "Directeur", new DateOnly(2027, 2, 1))],
            [new("c1", "Directoire", "Lancement du plan", "Réunion", new DateOnly(2027, 1, 10), "Chef de projet")]);

        Assert.Empty(RoadmapValidator.Validate(document, Indicators, forSubmission: true));
    }

    [Fact]
    public void Validate_WhenDueBeforeStart_ThenErrorOnDue()
    {
        var errors = RoadmapValidator.Validate(Document(Action(new DateOnly(2027, 5, 1), new DateOnly(2027, 4, 1))), Indicators, false);

        var error = Assert.Single(errors);
        Assert.Equal("Actions[0].Due", error.Field);
        Assert.Contains("l'échéance doit suivre le début", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, ActionStatus.InProgress, "entre 0 et 100")]
    [InlineData(101, ActionStatus.InProgress, "entre 0 et 100")]
    [InlineData(80, ActionStatus.Done, "terminée est avancée à 100 %")]
    public void Validate_WhenProgressOutOfRange_ThenFrenchError(int progress, ActionStatus status, string message)
    {
        var error = Assert.Single(RoadmapValidator.Validate(Document(Action(progress: progress, status: status)), Indicators, false));

        Assert.Equal("Actions[0].Progress", error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenRequiredFieldsMissing_ThenOneErrorPerField()
    {
        var blank = new RoadmapAction("a1", " ", "", "", null, null, ActionPriority.Low, ActionStatus.NotStarted, 0, "");
        var risk = new Risk("r1", "", "", 0, 5, "", "", null);
        var document = new RoadmapDocument([blank], [], [risk], [new("c1", "", "", "", null, "")]);

        var fields = RoadmapValidator.Validate(document, Indicators, false).Select(e => e.Field).ToList();

        Assert.Equal(
            ["Actions[0].Title", "Actions[0].Lever", "Actions[0].Owner", "Actions[0].Due",
             "Risks[0].Type", "Risks[0].Description", "Risks[0].Gravity", "Risks[0].Probability", "Risks[0].Mitigation", "Risks[0].Owner", "Risks[0].Due",
             "Communication[0].Audience", "Communication[0].Message", "Communication[0].Channel", "Communication[0].When", "Communication[0].Owner"],
            fields);
    }

    [Fact]
    public void Validate_WhenTargetOnUnknownIndicatorOrOutOfBounds_ThenErrors()
    {
        var document = RoadmapDocument.Empty with
        {
            Targets = [new("t1", "inconnu", null, 3, new DateOnly(2027, 1, 1)), new("t2", "taux-annulation", null, 150, null)],
        };

        var errors = RoadmapValidator.Validate(document, Indicators, false);

        Assert.Contains(errors, e => e.Field == "Targets[0].IndicatorId" && e.Message.Contains("indicateur de la démarche", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "Targets[1].Target" && e.Message.Contains("ne peut dépasser 100", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == "Targets[1].Horizon");
    }

    [Fact]
    public void Validate_WhenSubmittedWithoutAction_ThenRefusedButDraftAccepted()
    {
        Assert.Empty(RoadmapValidator.Validate(RoadmapDocument.Empty, Indicators, forSubmission: false));
        Assert.Equal("Actions", Assert.Single(RoadmapValidator.Validate(RoadmapDocument.Empty, Indicators, forSubmission: true)).Field);
    }

    [Fact]
    public void Comparison_WhenLinesAddedRemovedAndChanged_ThenListed()
    {
        var v1 = Document(Action(), Action(title: "Supprimée") with { Id = "a2" });
        var v2 = Document(Action(due: new DateOnly(2027, 4, 30)), Action(title: "Nouvelle") with { Id = "a3" });

        var changes = RoadmapComparison.Compare(v1, v2);

        Assert.Contains(changes, c => c.Kind == ChangeKind.Changed && c.Details.Single() == "Échéance : 31 mars 2027 → 30 avril 2027");
        Assert.Contains(changes, c => c.Kind == ChangeKind.Added && c.Line == "Nouvelle");
        Assert.Contains(changes, c => c.Kind == ChangeKind.Removed && c.Line == "Supprimée");
    }

    [Fact]
    public void Json_WhenRoundTripped_ThenSameDocument()
    {
        var document = Document(Action());

        var back = StructuredJson.Deserialize<RoadmapDocument>(StructuredJson.Serialize(document))!;

        Assert.Equal(document.Actions, back.Actions);
        Assert.Null(StructuredJson.Deserialize<RoadmapDocument>("pas du json"));
    }
}
