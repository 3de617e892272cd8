using System.Globalization;
using Benchmark.Core.Definitions;
using Benchmark.Core.Scheduling;
using Benchmark.Core.Tests.Support;

namespace Benchmark.Core.Tests.Scheduling;

/// <summary>Weekends and French public holidays are not worked: dates move off them unless they say <c>keep</c>.</summary>
public sealed class WorkingDaysTests
{
    private static readonly Dictionary<string, DateOnly> Monday4January2027 = new(StringComparer.Ordinal) { ["J"] = new(2027, 1, 4) };

    private static ResolvedCalendar Resolve(string phases, string extra = "", Dictionary<string, DateOnly>? anchors = null)
    {
        var loaded = new DefinitionYaml().WithPhases(phases).With(extra).Load();
        Assert.True(loaded.IsValid, string.Join(Environment.NewLine, loaded.Errors));
        return ScheduleResolver.Resolve(loaded.Definition!, anchors ?? Monday4January2027).Value;
    }

    private static string Session(string at, string duration = "3h") => $$"""
        phases:
          - id: diagnostic
            title: "Diagnostic"
            due: J+1y
            sessions:
              - { id: SC1, title: "Séance", kind: collective, at: "{{at}}", duration: {{duration}}, mode: visio, attendees: [chef-de-projet] }
        """;

    [Fact]
    public void Resolve_WhenASessionFallsOnASaturday_ThenItMovesToMondayAndSaysWhy()
    {
        // Act: J + 5 days = Saturday 9 January 2027
        var session = Resolve(Session("J+5d")).Session("SC1");

        // Assert
        Assert.Equal(new DateOnly(2027, 1, 11), session.StartDate);
        Assert.Equal(new DateMove(new(2027, 1, 9), new(2027, 1, 11), "samedi"), session.Moved);
    }

    [Fact]
    public void Resolve_WhenADateSaysKeep_ThenItStaysOnTheHoliday()
    {
        // Act: J + 133 days = Pentecost Monday 17 May 2027
        var session = Resolve(Session("J+133d keep")).Session("SC1");

        // Assert
        Assert.Equal(new DateOnly(2027, 5, 17), session.StartDate);
        Assert.Null(session.Moved);
    }

    [Fact]
    public void Resolve_WhenADateFallsOnPentecostMonday_ThenTheReasonNamesIt()
    {
        var session = Resolve(Session("J+133d")).Session("SC1");

        Assert.Equal(new DateOnly(2027, 5, 18), session.StartDate);
        Assert.Equal("lundi de Pentecôte", session.Moved?.Reason);
    }

    [Fact]
    public void Resolve_WhenPreviousWorkingDay_ThenADeadlineMovesBack()
    {
        var session = Resolve(Session("J+5d previous-working-day")).Session("SC1");

        Assert.Equal(new DateOnly(2027, 1, 8), session.StartDate);
    }

    [Fact]
    public void Resolve_WhenTheOffsetCountsWorkingDays_ThenWeekendsAndHolidaysAreSkipped()
    {
        // Act: ten working days after Monday 3 May 2027 skip two weekends, Ascension (Thursday 6 May) and Pentecost Monday.
        var session = Resolve(Session("J+119d+10wd")).Session("SC1");

        // Assert: 4, 5, 7, 10, 11, 12, 13, 14, 18 (17 is Pentecost), 19 May
        Assert.Equal(new DateOnly(2027, 5, 3), new DateOnly(2027, 1, 4).AddDays(119));
        Assert.Equal(new DateOnly(2027, 5, 19), session.StartDate);
        Assert.Null(session.Moved);
    }

    [Fact]
    public void Resolve_WhenAMultiDaySessionSpansAWeekend_ThenItEndsOnTheThirdWorkingDay()
    {
        // Act: Friday 8 January 2027, three days
        var session = Resolve(Session("J+4d", "3d")).Session("SC1");

        // Assert: Friday, Monday, Tuesday
        Assert.Equal((new DateOnly(2027, 1, 8), new DateOnly(2027, 1, 12)), (session.StartDate, session.EndDate));
    }

    [Theory]
    [InlineData("france", "2028-04-14")]
    [InlineData("alsace-moselle", "2028-04-18")]
    public void Resolve_WhenTheDefinitionIsForAlsaceMoselle_ThenGoodFridayIsNotWorked(string holidays, string expected)
    {
        // Act: Good Friday 14 April 2028; Easter Monday 17 April is a holiday everywhere, so Alsace-Moselle gets Tuesday.
        var calendar = Resolve(Session("J+466d"), $"holidays: {holidays}");

        // Assert
        Assert.Equal(new DateOnly(2028, 4, 14), new DateOnly(2027, 1, 4).AddDays(466));
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), calendar.Session("SC1").StartDate);
    }

    [Fact]
    public void NonWorkingReason_WhenAlsaceMoselle_ThenSaintStephenAndGoodFridayAreNamed()
    {
        Assert.Equal("26 décembre", WorkingCalendar.AlsaceMoselle.NonWorkingReason(new DateOnly(2028, 12, 26)));
        Assert.Equal("Vendredi saint", WorkingCalendar.AlsaceMoselle.NonWorkingReason(new DateOnly(2028, 4, 14)));
        Assert.Null(WorkingCalendar.France.NonWorkingReason(new DateOnly(2028, 12, 26)));
        Assert.Equal("fête nationale", WorkingCalendar.France.NonWorkingReason(new DateOnly(2027, 7, 14)));
    }

    [Fact]
    public void Load_WhenTheRuleAfterADateIsUnknown_ThenItIsReportedWithItsPosition()
    {
        var result = new DefinitionYaml().WithPhases(Session("J+5d soon")).Load();

        var error = Assert.Single(result.Errors);
        Assert.Contains("'soon' inconnu", error.Message, StringComparison.Ordinal);
        Assert.Matches(@"^essai\.yaml:\d+:\d+: ", error.ToString());
    }

    [Fact]
    public void AnchorsOutOfOrder_WhenJStarBeforeJ_ThenRefusedNamingTheAnchor()
    {
        var definition = DefinitionLoader.LoadFile(Path.Combine(TestFiles.RepositoryRoot, "workflows", "gestion-flux-patients.yaml")).Definition!;
        var anchors = new Dictionary<string, DateOnly>(StringComparer.Ordinal) { ["J"] = new(2027, 1, 18), ["J*"] = new(2027, 1, 4) };

        var error = Assert.Single(ScheduleResolver.AnchorsOutOfOrder(definition, anchors));

        Assert.Equal("J*", error.Anchor);
        Assert.Contains("dans l'ordre J, J*", error.Message, StringComparison.Ordinal);
        Assert.Empty(ScheduleResolver.AnchorsOutOfOrder(definition, new Dictionary<string, DateOnly>(StringComparer.Ordinal)
        {
            ["J"] = new(2027, 1, 4), ["J*"] = new(2027, 1, 18),
        }));
    }
}
