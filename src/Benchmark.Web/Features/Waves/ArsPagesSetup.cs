using Benchmark.Web.Features.Programmes;

namespace Benchmark.Web.Features.Waves;

/// <summary>The handlers of the ARS pages (programmes, waves, groups, establishments).</summary>
internal static class ArsPagesSetup
{
    public static IServiceCollection AddArsPages(this IServiceCollection services)
    {
        services.AddScoped<ProgrammeScope>();
        services.AddScoped<EnrolEstablishment>();
        services.AddScoped<InviteTeamMember>();
        return services;
    }
}
