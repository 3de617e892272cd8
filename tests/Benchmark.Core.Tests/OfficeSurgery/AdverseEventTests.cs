using Benchmark.Core.OfficeSurgery;

namespace Benchmark.Core.Tests.OfficeSurgery;

public sealed class AdverseEventTests
{
    private static readonly DateTimeOffset Now = new(2027, 5, 10, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2027, 5, 10);

    [Fact]
    public void Report_WhenComplete_ThenEventWithNormalisedCode()
    {
        var (e, errors) = AdverseEvent.Report(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Today, AdverseEventTiming.Early, "bjma002", " Hématome ", "Reprise", "Équipe", Now, Today);

        Assert.Empty(errors);
        Assert.Equal("BJMA002", e!.CcamCode);
        Assert.Equal("Hématome", e.Description);
    }

    [Fact]
    public void Report_WhenFutureDateBadCodeAndNoDescription_ThenFieldErrorsAndNoEvent()
    {
        var (e, errors) = AdverseEvent.Report(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Today.AddDays(1), null, "XX1", "", "", "Équipe", Now, Today);

        Assert.Null(e);
        Assert.Equal(["OccurredOn", "Timing", "CcamCode", "Description", "Measures"], errors.Select(x => x.Field));
    }
}
