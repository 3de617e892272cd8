using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Benchmark.Web.Features.Sessions;

/// <summary>The session use cases: one instance per request, resolved like every other handler (never <c>new</c>-ed in a page).</summary>
internal static class SessionsSetup
{
    public static void AddSessions(IServiceCollection services)
    {
        services.TryAddScoped<SessionContextLoader>();
        services.TryAddScoped<SessionInvites>();
        services.TryAddScoped<SessionPlanning>();
        services.TryAddScoped<SessionMinutes>();
        services.TryAddScoped<SessionReports>();
        services.TryAddScoped<SessionConflictCheck>();
    }
}
