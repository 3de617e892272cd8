using Benchmark.Core.Domain;
using Benchmark.Core.Tests.Support;

namespace Benchmark.Core.Tests.Domain;

/// <summary>A stored definition version: valid to register, frozen once a wave uses it.</summary>
public sealed class ProgrammeDefinitionTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 4, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Register_WhenTheSourceIsValid_ThenIdVersionAndHashAreKept()
    {
        // Arrange
        var source = new DefinitionYaml().Build();

        // Act
        var registered = ProgrammeDefinition.Register(Guid.NewGuid(), "essai.yaml", source, Now).Value;

        // Assert
        Assert.Equal(("essai", 1, "Essai", Now, false), (registered.ProgrammeId, registered.Version, registered.Title, registered.RegisteredAt, registered.Locked));
        Assert.Equal(ProgrammeDefinition.HashOf(source), registered.Hash);
        Assert.Equal(64, registered.Hash.Length);
        Assert.Equal("essai", registered.Parse().Id);
    }

    [Fact]
    public void Parse_WhenTwoStoredVersionsShareASource_ThenParsedOnceForTheProcess()
    {
        // Arrange: a source no other test parsed (a comment of its own)
        var source = new DefinitionYaml().Build() + $"\n# {Guid.NewGuid():N}\n";
        var first = ProgrammeDefinition.Register(Guid.NewGuid(), "essai.yaml", source, Now).Value;
        var second = ProgrammeDefinition.Register(Guid.NewGuid(), "essai.yaml", source, Now).Value;
        var before = ProgrammeDefinition.Parsed(first.Hash);

        // Act
        var parsed = first.Parse();

        // Assert
        Assert.Null(before);
        Assert.Same(parsed, second.Parse());
        Assert.Same(parsed, ProgrammeDefinition.Parsed(second.Hash));
    }

    [Fact]
    public void Register_WhenTheSourceIsInvalid_ThenTheErrorsArePositioned()
    {
        // Act
        var result = ProgrammeDefinition.Register(Guid.NewGuid(), "vide.yaml", "", Now);

        // Assert
        Assert.StartsWith("vide.yaml:1:1: fichier vide", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Replace_WhenLocked_ThenAChangeIsRefusedButTheSameSourceIsAccepted()
    {
        // Arrange
        var source = new DefinitionYaml().Build();
        var registered = ProgrammeDefinition.Register(Guid.NewGuid(), "essai.yaml", source, Now).Value;
        registered.Lock();

        // Act
        var same = registered.Replace("essai.yaml", source, Now.AddDays(1));
        var changed = registered.Replace("essai.yaml", new DefinitionYaml().WithSummary("Nouvelle version").Build(), Now.AddDays(1));

        // Assert
        Assert.True(same.IsSuccess);
        Assert.Equal("conflict", changed.Error!.Code);
        Assert.Contains("Augmentez 'version'", changed.Error.Message, StringComparison.Ordinal);
        Assert.Equal((source, Now), (registered.SourceText, registered.RegisteredAt));
    }

    [Fact]
    public void Replace_WhenUnlocked_ThenTheSourceIsUpdated()
    {
        // Arrange
        var registered = ProgrammeDefinition.Register(Guid.NewGuid(), "essai.yaml", new DefinitionYaml().Build(), Now).Value;
        var updated = new DefinitionYaml().WithSummary("Résumé ajouté").Build();

        // Act
        var result = registered.Replace("essai.yaml", updated, Now.AddDays(1));

        // Assert
        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal((updated, ProgrammeDefinition.HashOf(updated), Now.AddDays(1)), (registered.SourceText, registered.Hash, registered.RegisteredAt));
    }

    [Fact]
    public void Replace_WhenTheFileNowDeclaresAnotherVersion_ThenItIsRefused()
    {
        // Arrange
        var registered = ProgrammeDefinition.Register(Guid.NewGuid(), "essai.yaml", new DefinitionYaml().Build(), Now).Value;
        var version2 = new DefinitionYaml().Build().Replace("version: 1", "version: 2", StringComparison.Ordinal);

        // Act
        var result = registered.Replace("essai.yaml", version2, Now.AddDays(1));

        // Assert
        Assert.Contains("ne correspond plus", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(1, registered.Version);
    }
}
