using Benchmark.Core.Definitions;
using Benchmark.Core.Scheduling;
using Benchmark.Core.Tests.Support;

namespace Benchmark.Core.Tests.Definitions;

/// <summary>Every programme shipped in <c>workflows/</c> loads without error and resolves into a full calendar.</summary>
public sealed class RepositoryWorkflowsTests
{
    public static TheoryData<string> Workflows()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(TestFiles.RepositoryRoot, "workflows"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Fact]
    public void Workflows_WhenListed_ThenTheFolderIsNotEmpty() => Assert.NotEmpty(Workflows());

    [Theory]
    [MemberData(nameof(Workflows))]
    public void LoadFile_WhenAShippedWorkflowIsRead_ThenItIsValid(string file)
    {
        // Act
        var result = DefinitionLoader.LoadFile(Path.Combine(TestFiles.RepositoryRoot, "workflows", file), file);

        // Assert
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Resolve_WhenAShippedWorkflowIsGivenAllItsAnchors_ThenEveryItemIsDated(string file)
    {
        // Arrange: the anchors six months apart from the first Monday of 2027, wide enough for every programme
        // (office-surgery's J* must follow the candidature phase, due J+2mo+21d).
        var definition = DefinitionLoader.LoadFile(Path.Combine(TestFiles.RepositoryRoot, "workflows", file), file).Definition;
        Assert.NotNull(definition);
        var anchors = definition.Anchors
            .Select((a, i) => (a.Id, Date: new DateOnly(2027, 1, 4).AddMonths(6 * i)))
            .ToDictionary(x => x.Id, x => x.Date, StringComparer.Ordinal);

        // Act
        var result = ScheduleResolver.Resolve(definition, anchors);

        // Assert
        Assert.True(result.IsSuccess, result.Error?.Message);
        var calendar = result.Value;
        Assert.Equal(definition.Phases.Count, calendar.Phases.Count);
        Assert.Equal(definition.Sessions.Count(), calendar.Sessions.Count);
        Assert.Equal(definition.ChecklistItems.Count(), calendar.Checklist.Count);
        Assert.Equal(definition.Deliverables.Count(), calendar.Deliverables.Count);
        Assert.All(calendar.Sessions, s => Assert.True(s.EndUtc > s.StartUtc, $"{s.Definition.Id} ends before it starts"));
        Assert.All(calendar.Phases, p => Assert.True(p.Due >= p.Start, $"phase {p.Definition.Id} is due before it starts"));
    }
}
