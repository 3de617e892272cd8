using Benchmark.Core.Definitions;
using Benchmark.Core.Tests.Support;

namespace Benchmark.Core.Tests.Definitions;

/// <summary>Rules of the format (workflows/README.md) that are clearer written next to a small definition.</summary>
public sealed class DefinitionLoaderRulesTests
{
    [Fact]
    public void Load_WhenTheDefaultDefinitionIsRead_ThenItIsValid()
    {
        // Act
        var result = new DefinitionYaml().Load();

        // Assert
        Assert.True(result.IsValid, string.Join('\n', result.Errors));
        Assert.Equal("essai", result.Definition!.Id);
    }

    [Fact]
    public void Load_WhenAPhaseAndASessionShareAnId_ThenItIsAccepted()
    {
        // Arrange: ids are unique within their kind only.
        var yaml = new DefinitionYaml().WithPhases("""
            phases:
              - id: formation
                title: "Formation"
                due: J+1mo
                sessions:
                  - { id: formation, title: "Formation", kind: collective, at: J, duration: 2d, mode: presentiel, attendees: [chef-de-projet] }
            """);

        // Act
        var result = yaml.Load();

        // Assert
        Assert.True(result.IsValid, string.Join('\n', result.Errors));
    }

    [Fact]
    public void Load_WhenASessionAndAMilestoneShareAnId_ThenItIsReported()
    {
        // Arrange: sessions, milestones and anchors share one namespace because dates refer to them.
        var yaml = new DefinitionYaml().WithPhases("""
            phases:
              - id: diagnostic
                title: "Diagnostic"
                due: J+1mo
                milestones:
                  - { id: J1, title: "Jalon 1", at: J+14d }
                sessions:
                  - { id: J1, title: "Séance", kind: collective, at: J+7d, duration: 3h, mode: visio, attendees: [chef-de-projet] }
            """);

        // Act
        var result = yaml.Load();

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Contains("'J1' apparaît deux fois", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenAnUnknownKeyIsFarFromEveryKnownOne_ThenTheAdmittedKeysAreListed()
    {
        // Arrange
        var yaml = new DefinitionYaml().With("couleur: bleu");

        // Act
        var result = yaml.Load();

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Contains("clé inconnue 'couleur' dans la définition (clés admises : id, version, title", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenAGateWaitsForALaterPhaseDeliverable_ThenItIsReported()
    {
        // Arrange
        var yaml = new DefinitionYaml().WithPhases("""
            phases:
              - id: diagnostic
                title: "Diagnostic"
                due: J+1mo
                gate: { deliverables: [feuille] }
              - id: feuille-de-route
                title: "Feuille de route"
                due: J+2mo
                deliverables:
                  - { id: feuille, title: "Feuille de route", owner: chef-de-projet, due: J+2mo }
            """);

        // Act
        var result = yaml.Load();

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Contains("attend 'feuille', déclaré dans une phase ultérieure", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenAKeyIsRepeated_ThenItIsReported()
    {
        // Arrange
        var yaml = new DefinitionYaml().WithPhases("""
            phases:
              - id: diagnostic
                title: "Diagnostic"
                title: "Diagnostic partagé"
                due: J+1mo
            """);

        // Act
        var result = yaml.Load();

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Contains("clé 'title' répétée", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenAGroupSizeHasMinAboveMax_ThenItIsReported()
    {
        // Arrange
        var yaml = new DefinitionYaml().With("group_size: { min: 6, max: 4 }");

        // Act
        var result = yaml.Load();

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Contains("group_size : il faut 1 ≤ min ≤ max", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenTheFileHoldsOnlyComments_ThenItIsReportedAsEmpty()
    {
        // Act
        var result = DefinitionLoader.Load("# yaml-language-server: $schema=./schema.json\n# rien d'autre\n", "commentaires.yaml");

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Contains("fichier vide", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenADateFallsOutsideTheCalendar_ThenItIsReportedInsteadOfThrown()
    {
        // Arrange
        var yaml = new DefinitionYaml().WithPhases("""
            phases:
              - { id: diagnostic, title: "Diagnostic", due: J+9000y }
            """);

        // Act
        var result = yaml.Load();

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Contains("J+9000y", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenThePhaseListIsEmpty_ThenItIsReported()
    {
        // Arrange
        var yaml = new DefinitionYaml().WithPhases("phases: []");

        // Act
        var result = yaml.Load();

        // Assert
        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Message.Contains("phase", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_WhenADayLongSessionStartsAfterItsEndTime_ThenItIsReported()
    {
        // Arrange: end_time defaults to 17:00.
        var yaml = new DefinitionYaml().WithPhases("""
            phases:
              - id: diagnostic
                title: "Diagnostic"
                due: J+1mo
                sessions:
                  - { id: SC1, title: "Session", kind: collective, at: J+7d, time: "18:00", duration: 1d, mode: presentiel, attendees: [consultant] }
            """);

        // Act
        var result = yaml.Load();

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Contains("18:00", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenAnAgendaSlotEndsAfterTheSession_ThenItIsReported()
    {
        // Arrange: a 3-hour session from 09:00 ends at 12:00.
        var yaml = new DefinitionYaml().WithPhases("""
            phases:
              - id: diagnostic
                title: "Diagnostic"
                due: J+1mo
                sessions:
                  - id: SC1
                    title: "Session"
                    kind: collective
                    at: J+7d
                    duration: 3h
                    mode: presentiel
                    attendees: [consultant]
                    agenda:
                      - { time: "09:00-11:00", title: "Diagnostic" }
                      - { time: "11:00-13:30", title: "Plan d'actions" }
            """);

        // Act
        var result = yaml.Load();

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Contains("11:00-13:30", error.Message, StringComparison.Ordinal);
    }
}
