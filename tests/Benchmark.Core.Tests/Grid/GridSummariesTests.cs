using Benchmark.Core.Definitions;
using Benchmark.Core.Grid;
using Benchmark.Core.Tests.Support;

namespace Benchmark.Core.Tests.Grid;

/// <summary>The four imaging indicators (seed 002) on a hand-computed example, and the distribution of report delays.</summary>
public sealed class GridSummariesTests
{
    // September 2010: 3 kept (RDV 10, 20, 6 days), 1 missed, 2 unscheduled; report delays 1, 2.5, 0.5, 4, 12 (one missing).
    // October 2010: 1 kept (RDV 30 days, report 7), 1 missed.
    internal static readonly GridRow[] Example =
    [
        new(new DateOnly(2010, 9, 6), "scanner", "externe", GridSchema.ScheduledKept, 10, 1),
        new(new DateOnly(2010, 9, 6), "scanner", "externe", GridSchema.ScheduledKept, 20, 2.5),
        new(new DateOnly(2010, 9, 6), "scanner", "urgences", GridSchema.Unscheduled, null, 0.5),
        new(new DateOnly(2010, 9, 7), "irm", "externe", GridSchema.ScheduledMissed, 15, null),
        new(new DateOnly(2010, 9, 7), "irm", "hospi-service-1", GridSchema.ScheduledKept, 6, 4),
        new(new DateOnly(2010, 9, 8), "scanner", "hospi-service-2", GridSchema.Unscheduled, null, 12),
        new(new DateOnly(2010, 10, 1), "scanner", "externe", GridSchema.ScheduledKept, 30, 7),
        new(new DateOnly(2010, 10, 1), "scanner", "externe", GridSchema.ScheduledMissed, 5, null),
    ];

    [Fact]
    public void Compute_WhenByPeriod_ThenTheSeedsFormulasByHand()
    {
        var summaries = GridSummaries.Compute(GridCell.From(Example), GridBreakdown.Period);

        Assert.Equal(["2010-M09", "2010-M10"], summaries.Select(s => s.Period.Key));
        var september = summaries[0];
        Assert.Equal((3, 1, 2, 6), (september.ScheduledKept, september.ScheduledMissed, september.Unscheduled, september.Total));
        Assert.Equal(66.67m, september.ScheduledRate);        // (3 + 1) / 6
        Assert.Equal(25m, september.MissedRate);              // 1 / (3 + 1)
        Assert.Equal(12m, september.MeanAppointmentDelay);    // (10 + 20 + 6) / 3, kept appointments only
        Assert.Equal(4m, september.MeanReportDelay);          // (1 + 2.5 + 0.5 + 4 + 12) / 5
        Assert.Equal([1, 1, 1, 1, 0, 1], september.ReportDelayDistribution);
        var october = summaries[1];
        Assert.Equal((100m, 50m, 30m, 7m), (october.ScheduledRate, october.MissedRate, october.MeanAppointmentDelay, october.MeanReportDelay));
        Assert.Equal([0, 0, 0, 0, 1, 0], october.ReportDelayDistribution);
    }

    [Fact]
    public void Compute_WhenByActivity_ThenEachActivityOnItsOwnRows()
    {
        var summaries = GridSummaries.Compute(GridCell.From(Example), GridBreakdown.Activity);

        var scanner = summaries.Single(s => s.Period.Key == "2010-M09" && s.Activity == "scanner");
        Assert.Equal((50m, 0m, 15m, 4m), (scanner.ScheduledRate, scanner.MissedRate, scanner.MeanAppointmentDelay, scanner.MeanReportDelay));
        var irm = summaries.Single(s => s.Period.Key == "2010-M09" && s.Activity == "irm");
        Assert.Equal((100m, 50m, 6m, 4m), (irm.ScheduledRate, irm.MissedRate, irm.MeanAppointmentDelay, irm.MeanReportDelay));
        Assert.Null(irm.Provenance);
    }

    [Fact]
    public void Compute_WhenNoScheduledAppointment_ThenRatesNotComputable()
    {
        GridRow[] rows = [new(new DateOnly(2011, 1, 3), "irm", "urgences", GridSchema.Unscheduled, null, null)];

        var summary = GridSummaries.Compute(GridCell.From(rows), GridBreakdown.Provenance).Single();

        Assert.Equal((0m, (decimal?)null, (decimal?)null, (decimal?)null), (summary.ScheduledRate, summary.MissedRate, summary.MeanAppointmentDelay, summary.MeanReportDelay));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0.99, 0)]
    [InlineData(1, 1)]
    [InlineData(2.5, 2)]
    [InlineData(5.9, 3)]
    [InlineData(10.5, 4)]
    [InlineData(11, 5)]
    [InlineData(300, 5)]
    public void Bucket_WhenDelay_ThenItsBucket(double delay, int bucket) => Assert.Equal(bucket, GridDistribution.Bucket(delay));

    [Fact]
    public void Compute_WhenImagingWorkflowInputs_ThenCountsAndMeansPerMonth()
    {
        var definition = ImagingDefinition();
        var schema = GridSchema.From(definition).Value;

        var values = GridIndicatorInputs.Compute(definition, schema, GridCell.From(Example));

        decimal? Value(string indicator, string input, string period) => values.Single(v => v.IndicatorId == indicator && v.InputId == input && v.Period == period).Value;
        Assert.Equal((3m, 1m, 2m), (Value("taux-rdv-programmes", "honores", "2010-M09"), Value("taux-rdv-programmes", "non_honores", "2010-M09"), Value("taux-rdv-programmes", "non_programmes", "2010-M09")));
        Assert.Equal(12m, Value("delai-moyen-rdv", "delai_moyen", "2010-M09"));
        Assert.Equal(4m, Value("delai-moyen-cr", "delai_moyen_cr", "2010-M09"));
        Assert.Equal(7m, Value("delai-moyen-cr", "delai_moyen_cr", "2010-M10"));
        Assert.Equal(0m, Value("taux-rdv-programmes", "non_programmes", "2010-M10"));
    }

    [Fact]
    public void Next_WhenSameRowTwiceAndAgainInAnotherFile_ThenDistinctIdsStableAcrossFiles()
    {
        var enrolment = Guid.NewGuid();
        var first = new GridRowIdentity(enrolment);
        var second = new GridRowIdentity(enrolment);

        Guid[] a = [first.Next(Example[0]), first.Next(Example[0]), first.Next(Example[1])];
        Guid[] b = [second.Next(Example[1]), second.Next(Example[0]), second.Next(Example[0])];

        Assert.Equal(3, a.Distinct().Count());
        Assert.Equal(a.Order(), b.Order());
        Assert.NotEqual(a[0], new GridRowIdentity(Guid.NewGuid()).Next(Example[0]));
    }

    internal static WorkflowDefinition ImagingDefinition()
    {
        var loaded = DefinitionLoader.LoadFile(Path.Combine(TestFiles.RepositoryRoot, "workflows", "coaching-imagerie.yaml"), "coaching-imagerie.yaml");
        Assert.True(loaded.IsValid, string.Join(Environment.NewLine, loaded.Errors));
        return loaded.Definition!;
    }
}
