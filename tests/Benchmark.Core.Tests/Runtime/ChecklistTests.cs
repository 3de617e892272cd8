using Benchmark.Core.Domain;
using Benchmark.Core.Runtime;
using static Benchmark.Core.Tests.Runtime.EnrolmentHarness;

namespace Benchmark.Core.Tests.Runtime;

public sealed class ChecklistTests
{
    [Fact]
    public void Execute_WhenTicking_ThenTheItemRecordsWhoWhenAndTheComment()
    {
        // Arrange
        var harness = Started();

        // Act
        var events = harness.Ok(new TickItem(ChefDeProjet, "equipe", "  Équipe nommée par note de service "));

        // Assert
        var changed = Assert.IsType<ChecklistItemChanged>(Assert.Single(events));
        Assert.Equal((ChecklistStatus.Open, ChecklistStatus.Done), (changed.Before, changed.After));
        var entry = harness.Enrolment.Entry("equipe")!;
        Assert.Equal((ChecklistStatus.Done, "Claire Martin", harness.Clock.GetUtcNow(), "Équipe nommée par note de service"),
            (entry.Status, entry.By, entry.At, entry.Comment));
    }

    [Fact]
    public void Execute_WhenUnticking_ThenTheItemIsOpenAgain()
    {
        // Arrange
        var harness = Started();
        harness.Ok(new TickItem(ChefDeProjet, "equipe", null));

        // Act
        var events = harness.Ok(new UntickItem(ChefDeProjet, "equipe", "Coché par erreur"));

        // Assert
        var changed = Assert.IsType<ChecklistItemChanged>(Assert.Single(events));
        Assert.Equal((ChecklistStatus.Done, ChecklistStatus.Open), (changed.Before, changed.After));
        Assert.Equal(ChecklistStatus.Open, harness.Enrolment.Entry("equipe")!.Status);
    }

    [Fact]
    public void Execute_WhenTickingTwiceOrUntickingAnOpenItem_ThenItIsAConflict()
    {
        // Arrange
        var harness = Started();
        harness.Ok(new TickItem(ChefDeProjet, "equipe", null));

        // Act
        var twice = harness.Run(new TickItem(ChefDeProjet, "equipe", null));
        var untickOpen = harness.Run(new UntickItem(Consultant, "planning", null));

        // Assert
        Assert.Contains("déjà coché", twice.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("n'est pas coché", untickOpen.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_WhenMarkingNotApplicableWithAReason_ThenTheReasonIsKeptAndTheGateAccepts()
    {
        // Arrange
        var harness = Started();

        // Act
        harness.Ok(new MarkItemNotApplicable(Directeur, "cme", "Pas de CME dans un établissement privé"));

        // Assert
        var entry = harness.Enrolment.Entry("cme")!;
        Assert.Equal((ChecklistStatus.NotApplicable, "Pas de CME dans un établissement privé"), (entry.Status, entry.Comment));
        Assert.DoesNotContain(GateEvaluator.Missing(harness.Definition, harness.Enrolment, EnrolmentContext.Empty, "cadrage"),
            m => m.Contains("CME", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Execute_WhenMarkingNotApplicableWithoutAReason_ThenItIsRefused(string reason)
    {
        // Arrange
        var harness = Started();

        // Act
        var result = harness.Run(new MarkItemNotApplicable(Directeur, "cme", reason));

        // Assert
        Assert.Contains("Indiquez pourquoi", result.Error!.Message, StringComparison.Ordinal);
        Assert.Null(harness.Enrolment.Entry("cme"));
    }

    [Fact]
    public void Execute_WhenTickingAnItemOfAPendingPhase_ThenItIsRefused()
    {
        // Arrange
        var harness = Started();

        // Act
        var result = harness.Run(new TickItem(Directeur, "accueil", null));

        // Assert
        Assert.Contains("pas encore ouverte", result.Error!.Message, StringComparison.Ordinal);
        Assert.Null(harness.Enrolment.Entry("accueil"));
    }

    [Fact]
    public void Execute_WhenTickingAnItemOfAClosedPhase_ThenItIsRefused()
    {
        // Arrange
        var harness = Started();
        harness.Ok(new ForceClosePhase(ArsAdmin, "cadrage", "Dossier repris"));

        // Act
        var result = harness.Run(new TickItem(ChefDeProjet, "equipe", null));

        // Assert
        Assert.Contains("phase close", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_WhenAnArsRoleTicks_ThenItIsRefusedUnlessArsAdminWithAJustification()
    {
        // Arrange
        var harness = Started();

        // Act
        var referent = harness.Run(new TickItem(ArsReferent, "equipe", null));
        var silent = harness.Run(new TickItem(ArsAdmin, "equipe", "  "));
        var admin = harness.Run(new TickItem(ArsAdmin, "equipe", "Saisie pour le compte de l'établissement"));

        // Assert
        Assert.Equal(("not_allowed", "« Constituer l'équipe projet » est tenu par : Chef de projet."), (referent.Error!.Code, referent.Error.Message));
        Assert.Equal(("invalid", "comment"), (silent.Error!.Code, silent.Error.Field));
        Assert.True(admin.IsSuccess, admin.Error?.Message);
        Assert.Equal("Saisie pour le compte de l'établissement", harness.Enrolment.Entry("equipe")!.Comment);
    }

    [Fact]
    public void Execute_WhenTheReasonIsOverFourThousandCharacters_ThenItIsRefusedAndNothingChanges()
    {
        var harness = Started();
        var before = harness.Snapshot();

        var result = harness.Run(new MarkItemNotApplicable(Directeur, "cme", new string('r', 4_001)));

        Assert.Equal(("invalid", "Le commentaire tient en 4000 caractères au plus."), (result.Error!.Code, result.Error.Message));
        Assert.Equal(before, harness.Snapshot());
    }

    [Theory]
    [InlineData("planning", "chef-de-projet")]
    [InlineData("equipe", "consultant")]
    [InlineData("cme", "consultant")]
    public void Execute_WhenAnotherSideChangesAnItem_ThenItIsRefusedAndNothingChanges(string item, string role)
    {
        // Arrange: the team's items are the team's, the consultant's are the consultant's.
        var harness = Started();
        var before = harness.Snapshot();

        // Act
        var tick = harness.Run(new TickItem(Consultant with { Role = role }, item, null));
        var notApplicable = harness.Run(new MarkItemNotApplicable(Consultant with { Role = role }, item, "Sans objet"));

        // Assert
        Assert.Equal(("not_allowed", "not_allowed"), (tick.Error!.Code, notApplicable.Error!.Code));
        Assert.Contains("est tenu par", tick.Error.Message, StringComparison.Ordinal);
        Assert.Equal(before, harness.Snapshot());
    }

    [Fact]
    public void Execute_WhenTheActorsRoleIsNotDeclared_ThenTickingIsRefused()
    {
        // Arrange
        var harness = Started();

        // Act
        var result = harness.Run(new TickItem(new Actor("u-x", "Inconnu", "visiteur"), "equipe", null));

        // Assert
        Assert.False(result.IsSuccess);
        Assert.Null(harness.Enrolment.Entry("equipe"));
    }

    [Fact]
    public void Execute_WhenTheItemIsUnknown_ThenItIsNotFound()
    {
        // Arrange
        var harness = Started();

        // Act
        var result = harness.Run(new TickItem(ChefDeProjet, "inexistant", null));

        // Assert
        Assert.Equal("not_found", result.Error!.Code);
    }
}
