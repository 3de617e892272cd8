using Benchmark.Data.Identity;
using Hangfire.Dashboard;

namespace Benchmark.Web.Infrastructure.Jobs;

/// <summary>The Hangfire dashboard is for ArsAdmin only.</summary>
internal sealed class JobsDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => IsAllowed(context.GetHttpContext());

    public static bool IsAllowed(HttpContext http) => http.User.Identity?.IsAuthenticated == true && http.User.IsInRole(AppRoles.ArsAdmin);
}
