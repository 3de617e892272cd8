using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Infrastructure.Security;
using Benchmark.Web.Pipeline;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serilog;

namespace Benchmark.Web.Hosting;

/// <summary>The host's services and pipeline, each concern added once.</summary>
internal static class HostingExtensions
{
    public static WebApplicationBuilder AddBenchmarkHost(this WebApplicationBuilder builder)
    {
        AddRootSettings(builder);
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddBenchmarkData(builder.Configuration);
        builder.Services.TryAddSingleton(_ => new WorkflowCatalog(WorkflowCatalog.Locate(builder.Environment.ContentRootPath)));
        builder.Services.AddHostedService<StartupTasks>();
        builder.Services.AddHealthChecks().AddDbContextCheck<BenchmarkDbContext>("database");
        builder.Services.AddBenchmarkIdentity();
        builder.Services.AddRateLimits();
        builder.Services.AddProxySupport();
        builder.Services.AddAccessRule();
        Features.Errors.ErrorsSetup.AddErrorAnswers(builder.Services);
        Infrastructure.Api.ApiSetup.AddBenchmarkApi(builder.Services);
        Features.Dashboard.DashboardSetup.AddDashboards(builder.Services);
        Features.Indicators.IndicatorsSetup.AddIndicators(builder.Services);
        Features.Waves.ArsPagesSetup.AddArsPages(builder.Services);
        Features.Demo.DemoSetup.AddDemo(builder.Services);
        builder.Services.AddScoped<Features.Agenda.CalendarFeedIcs>();
        Features.Deliverables.DeliverablesSetup.AddDeliverables(builder.Services, builder.Configuration);
        builder.Services.AddPipeline();
        Features.Journey.JourneySetup.AddJourney(builder.Services);
        Features.Sessions.SessionsSetup.AddSessions(builder.Services);
        Features.Grid.GridSetup.AddGrid(builder.Services);
        Infrastructure.Mail.MailingSetup.AddMailing(builder.Services, builder.Configuration);
        Infrastructure.Jobs.JobsSetup.AddJobs(builder.Services, builder.Configuration);

        // Every page needs a signed-in user unless it says [AllowAnonymous].
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.AddRazorPages(o => o.RootDirectory = "/Features");

        // French text is written as is (« é », not « &#xE9; »); HTML-significant characters are still encoded.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        return builder;
    }

    public static WebApplication MapBenchmarkEndpoints(this WebApplication app)
    {
        // First of all, the client's scheme and address as a trusted proxy forwarded them.
        app.UseProxySupport();

        // Then, so that every answer carries the headers, error answers included.
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseStaticFiles();

        // Before the error answers, so each request is logged once with the status it finally got. After them, a
        // failed request would be logged with its exception (UnhandledExceptions already does), then again for the
        // error page re-executed. Static files stay before the log, unlogged, as they were.
        app.UseSerilogRequestLogging();
        Features.Errors.ErrorsSetup.UseErrorAnswers(app);
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimits();
        app.UseAuthorization();
        Infrastructure.Jobs.JobsSetup.UseJobs(app);
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapRazorPages();
        Infrastructure.Api.ApiSetup.MapBenchmarkApi(app);
        return app;
    }

    /// <summary>
    /// <c>appsettings.json</c> lives at the repository root (DESIGN.md § Configuration) and the build copies it next to
    /// the executable. <c>dotnet run --project src/Benchmark.Web</c> starts in the project folder, which has none: that
    /// copy is then read first, so environment variables and <c>--Key=Value</c> still override it (as the CLI verbs do).
    /// </summary>
    private static void AddRootSettings(WebApplicationBuilder builder)
    {
        var copy = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (!File.Exists(Path.Combine(builder.Environment.ContentRootPath, "appsettings.json")) && File.Exists(copy))
        {
            var source = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource { Path = copy, Optional = true };
            source.ResolveFileProvider();
            builder.Configuration.Sources.Insert(0, source);
        }
    }
}
