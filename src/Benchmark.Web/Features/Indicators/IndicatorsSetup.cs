namespace Benchmark.Web.Features.Indicators;

/// <summary>Registers the indicator read models and commands (one instance each per request).</summary>
internal static class IndicatorsSetup
{
    public static IServiceCollection AddIndicators(this IServiceCollection services)
    {
        services.AddScoped<IndicatorData>();
        services.AddScoped<PeriodReporting>();
        services.AddScoped<ChartAnnotations>();
        services.AddScoped<GroupBenchmark>();
        services.AddScoped<IndicatorExport>();
        return services;
    }
}
