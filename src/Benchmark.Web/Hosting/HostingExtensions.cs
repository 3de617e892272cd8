using Benchmark.Data;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serilog;

namespace Benchmark.Web.Hosting;

/// <summary>The host's services and pipeline, each concern added once.</summary>
internal static class HostingExtensions
{
    public static WebApplicationBuilder AddBenchmarkHost(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddBenchmarkData(builder.Configuration);
        builder.Services.TryAddSingleton(_ => new WorkflowCatalog(WorkflowCatalog.Locate(builder.Environment.ContentRootPath)));
        builder.Services.AddHostedService<DefinitionSync>();
        builder.Services.AddHealthChecks().AddDbContextCheck<BenchmarkDbContext>("database");
        return builder;
    }

    public static WebApplication MapBenchmarkEndpoints(this WebApplication app)
    {
        app.UseSerilogRequestLogging();
        app.MapHealthChecks("/health");
        app.MapGet("/", HomePage.RenderAsync);
        return app;
    }
}
