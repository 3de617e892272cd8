using Benchmark.Core.Definitions;

namespace Benchmark.Web.Features.Indicators;

public static class Periodicity
{
    public static string Title(IndicatorPeriod type) => type switch
    {
        IndicatorPeriod.Month => "mensuelles",
        IndicatorPeriod.Bimonth => "bimestrielles",
        IndicatorPeriod.Quarter => "trimestrielles",
        IndicatorPeriod.Semester => "semestrielles",
        IndicatorPeriod.Year => "annuelles",
    };
}
