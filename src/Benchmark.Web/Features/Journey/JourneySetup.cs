using Benchmark.Web.Features.Audit;

namespace Benchmark.Web.Features.Journey;

/// <summary>The steering slices of an enrolment: its trail and checklist (commands run through the pipeline).</summary>
internal static class JourneySetup
{
    public static void AddJourney(IServiceCollection services)
    {
        services.AddScoped<AuditTrailQuery>();
        services.AddScoped<Checklist.ChecklistQuery>();
    }
}
