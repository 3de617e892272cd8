using Benchmark.Web.Features.Journey;
using Benchmark.Web.Features.Work;

namespace Benchmark.Web.Features.Dashboard;

/// <summary>Registers the read models of the dashboards, the work queue and the journey page (one instance each per request).</summary>
internal static class DashboardSetup
{
    public static IServiceCollection AddDashboards(this IServiceCollection services)
    {
        services.AddScoped<ProgrammeCalendars>();
        services.AddScoped<ArsDashboardQuery>();
        services.AddScoped<ConsultantDashboardQuery>();
        services.AddScoped<TeamDashboardQuery>();
        services.AddScoped<JourneyQuery>();
        services.AddScoped<WorkQueueQuery>();
        services.AddScoped<Agenda.CalendarQuery>();
        return services;
    }
}
