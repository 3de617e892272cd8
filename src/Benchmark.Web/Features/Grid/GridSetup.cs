namespace Benchmark.Web.Features.Grid;

/// <summary>Registers the collection-grid import and its read models (one instance each per request).</summary>
internal static class GridSetup
{
    public static IServiceCollection AddGrid(this IServiceCollection services)
    {
        services.AddOptions<GridImportOptions>().BindConfiguration(GridImportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<GridTargets>();
        services.AddScoped<GridImporter>();
        services.AddScoped<GridIndicatorWriter>();
        services.AddScoped<GridUploads>();
        services.AddScoped<GridResults>();
        return services;
    }
}
