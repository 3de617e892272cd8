using Benchmark.Web.Features.Audit;
using Benchmark.Web.Features.Gates;

namespace Benchmark.Web.Features.Journey;

/// <summary>The steering slices of an enrolment: commands (checklist, gates), their trail and notifications.</summary>
internal static class JourneySetup
{
    public static void AddJourney(IServiceCollection services)
    {
        services.AddScoped<PhaseTransitions>();
        services.AddScoped<EnrolmentCommands>();
        services.AddScoped<AuditTrailQuery>();
        services.AddScoped<Checklist.ChecklistQuery>();
    }
}
