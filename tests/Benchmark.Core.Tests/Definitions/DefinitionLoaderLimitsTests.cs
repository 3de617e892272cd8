using System.Globalization;
using System.Text;
using Benchmark.Core.Definitions;
using Benchmark.Core.Tests.Support;
using Benchmark.Core.Yaml;

namespace Benchmark.Core.Tests.Definitions;

/// <summary>Hostile or oversized input is refused with a message, never walked.</summary>
public sealed class DefinitionLoaderLimitsTests
{
    [Fact]
    public void Load_WhenAliasesExpandToBillionsOfNodes_ThenItIsRefusedBeforeExpansion()
    {
        // Arrange: ten levels of ten aliases each expand to 10^10 scalars.
        var bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var level = 1; level <= 10; level++)
        {
            var previous = $"*a{level - 1}";
            bomb.Append(FormattableString.Invariant($"a{level}: &a{level} [{string.Join(", ", Enumerable.Repeat(previous, 10))}]\n"));
        }

        // Act
        var result = DefinitionLoader.Load(bomb.ToString(), "bombe.yaml");

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Contains("nœuds une fois les alias développés", error.Message, StringComparison.Ordinal);
        Assert.Null(result.Definition);
    }

    [Fact]
    public void Load_WhenAnAliasIsReusedModestly_ThenTheDefinitionIsValid()
    {
        // Arrange
        var yaml = new DefinitionYaml().WithPhases("""
            phases:
              - id: diagnostic
                title: "Diagnostic"
                due: J+1mo
                sessions:
                  - { id: SC1, title: "Session 1", kind: collective, at: J+7d, duration: 1d, mode: presentiel, attendees: &equipe [chef-de-projet, consultant] }
                  - { id: SC2, title: "Session 2", kind: collective, at: SC1+7d, duration: 1d, mode: presentiel, attendees: *equipe }
            """);

        // Act
        var result = yaml.Load();

        // Assert
        Assert.True(result.IsValid, string.Join('\n', result.Errors));
        Assert.Equal(["chef-de-projet", "consultant"], result.Definition!.FindSession("SC2")!.Attendees);
    }

    [Fact]
    public void Load_WhenTheTextIsOverOneMebibyte_ThenItIsRefusedAtTheFirstLine()
    {
        // Arrange: a valid definition whose summary alone is past the limit.
        var text = new DefinitionYaml().WithSummary(new string('a', YamlLimits.Default.MaxBytes)).Build();

        // Act
        var result = DefinitionLoader.Load(text, "grand.yaml");

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(new SourcePosition(1, 1), error.Position);
        Assert.Matches(@"dépasse la limite de 1\s048\s576 octets", error.Message);
    }

    [Fact]
    public void Load_WhenTheTextIsJustUnderTheLimit_ThenItIsRead()
    {
        // Arrange
        var text = new DefinitionYaml().WithSummary(new string('a', YamlLimits.Default.MaxBytes - 2_000)).Build();

        // Act
        var result = DefinitionLoader.Load(text, "presque.yaml");

        // Assert
        Assert.True(result.IsValid, string.Join('\n', result.Errors));
    }

    [Fact]
    public void Read_WhenNestingIsWithinTheLimit_ThenTheTreeIsReturned()
    {
        // Arrange: a scalar 32 levels below the root is allowed, 33 levels is not.
        var allowed = "x: " + new string('[', 31) + "y" + new string(']', 31);
        var refused = "x: " + new string('[', 32) + "y" + new string(']', 32);

        // Act
        var tree = BoundedYamlReader.Read(allowed);
        var error = Assert.Throws<YamlReadException>(() => BoundedYamlReader.Read(refused));

        // Assert
        Assert.IsType<YamlMapping>(tree);
        Assert.Contains("imbrication trop profonde", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadFile_WhenTheFileIsOverOneMebibyteOfUtf8_ThenItIsRefused()
    {
        // Arrange: 700,000 '€' are 700,000 chars but 2,100,000 bytes.
        var path = Path.Combine(Path.GetTempPath(), $"benchmark-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, new DefinitionYaml().WithSummary(new string('€', 700_000)).Build(), new UTF8Encoding(false));
        try
        {
            Assert.True(new FileInfo(path).Length > 1 << 20);

            // Act
            var result = DefinitionLoader.LoadFile(path, "euros.yaml");

            // Assert
            var error = Assert.Single(result.Errors);
            Assert.Equal(new SourcePosition(1, 1), error.Position);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_WhenTheServerCultureIsEnglish_ThenLimitsAreStillWrittenTheFrenchWay()
    {
        // Arrange
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
        try
        {
            // Act
            var error = Assert.Throws<YamlReadException>(() => BoundedYamlReader.Read(new string('a', YamlLimits.Default.MaxBytes + 1)));

            // Assert
            Assert.DoesNotContain("1,048,576", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
