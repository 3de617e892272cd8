using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
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
        builder.Services.AddHostedService<StartupTasks>();
        builder.Services.AddHealthChecks().AddDbContextCheck<BenchmarkDbContext>("database");
        builder.Services.AddBenchmarkIdentity();
        builder.Services.AddAccessRule();
        Infrastructure.Api.ApiSetup.AddBenchmarkApi(builder.Services);
        Features.Dashboard.DashboardSetup.AddDashboards(builder.Services);
        Features.Indicators.IndicatorsSetup.AddIndicators(builder.Services);
        Features.Waves.ArsPagesSetup.AddArsPages(builder.Services);
        builder.Services.AddScoped<Features.Account.DemoAccounts>();
        builder.Services.AddScoped<Features.Agenda.CalendarFeedIcs>();
        Features.Deliverables.DeliverablesSetup.AddDeliverables(builder.Services, builder.Configuration);
        Features.Journey.JourneySetup.AddJourney(builder.Services);
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
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/erreur");
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseSerilogRequestLogging();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        Infrastructure.Jobs.JobsSetup.UseJobs(app);
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapRazorPages();
        Infrastructure.Api.ApiSetup.MapBenchmarkApi(app);
        return app;
    }
}
