using Benchmark.Core.Definitions;
using Benchmark.Core.Scheduling;
using Benchmark.Core.Tests.Support;

namespace Benchmark.Core.Tests.Scheduling;

/// <summary>The ARS PACA programme resolved for a wave notified on 4 January 2027 and trained from 18 January 2027.</summary>
public sealed class GestionFluxPatientsScheduleTests
{
    private static readonly Lazy<ResolvedCalendar> Calendar = new(() =>
    {
        var path = Path.Combine(TestFiles.RepositoryRoot, "workflows", "gestion-flux-patients.yaml");
        var loaded = DefinitionLoader.LoadFile(path, "gestion-flux-patients.yaml");
        Assert.True(loaded.IsValid, string.Join(Environment.NewLine, loaded.Errors));
        var anchors = new Dictionary<string, DateOnly>(StringComparer.Ordinal)
        {
            ["J"] = new(2027, 1, 4),
            ["J*"] = new(2027, 1, 18),
        };
        return ScheduleResolver.Resolve(loaded.Definition!, anchors).Value;
    });

    [Theory]
    [InlineData("initialisation", "2027-01-04", "2027-02-04")]
    [InlineData("formation", "2027-01-18", "2027-02-02")]
    [InlineData("diagnostic", "2027-02-02", "2027-04-02")]
    [InlineData("feuille-de-route", "2027-04-02", "2027-06-02")]
    [InlineData("mise-en-oeuvre", "2027-06-02", "2028-07-18")]
    public void Resolve_WhenGivenTheWaveAnchors_ThenEachPhaseHasItsContractualDeadline(string phaseId, string start, string due)
    {
        // Act
        var phase = Calendar.Value.Phase(phaseId);

        // Assert
        Assert.Equal((Date(start), Date(due)), (phase.Start, phase.Due));
    }

    [Fact]
    public void Resolve_WhenGivenTheWaveAnchors_ThenTheFormationIsOnJStarAndSi0AWeekLater()
    {
        // Act
        var formation = Calendar.Value.Session("formation");
        var si0 = Calendar.Value.Session("SI0");

        // Assert
        Assert.Equal((Date("2027-01-18"), Date("2027-01-19")), (formation.StartDate, formation.EndDate));
        Assert.Equal(Date("2027-01-25"), si0.StartDate);
        Assert.Equal(new DateTimeOffset(2027, 1, 25, 8, 0, 0, TimeSpan.Zero), si0.StartUtc);
        Assert.Equal(si0.StartUtc.AddMinutes(90), si0.EndUtc);
    }

    [Fact]
    public void Resolve_WhenGivenTheWaveAnchors_ThenThereAreTwelveCollectiveAndTwelveIndividualSessions()
    {
        // Act
        var ids = Calendar.Value.Sessions.Select(s => s.Definition.Id).ToHashSet(StringComparer.Ordinal);

        // Assert
        Assert.All(Enumerable.Range(1, 12), n => Assert.Contains($"SC{n}", ids));
        Assert.All(Enumerable.Range(0, 12), n => Assert.Contains($"SI{n}", ids));
        Assert.DoesNotContain("SC13", ids);
        Assert.DoesNotContain("SI12", ids);
    }

    [Fact]
    public void Resolve_WhenGivenTheWaveAnchors_ThenCollectiveSessionsAreInIncreasingDateOrder()
    {
        // Act
        var dates = Enumerable.Range(1, 12).Select(n => Calendar.Value.Session($"SC{n}").StartDate).ToList();

        // Assert
        Assert.All(dates.Zip(dates.Skip(1)), pair => Assert.True(pair.First < pair.Second, $"{pair.First} is not before {pair.Second}"));
        Assert.Equal(Date("2027-02-15"), dates[0]);
    }

    [Fact]
    public void Resolve_WhenGivenTheWaveAnchors_ThenSessionReportsAreDueAWeekAfterTheLastDay()
    {
        // Act
        var formation = Calendar.Value.Session("formation");

        // Assert
        Assert.Equal(Date("2027-01-26"), formation.ReportDue);
    }

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
