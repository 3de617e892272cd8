using Benchmark.Web.Features.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Benchmark.Web.Features.Dashboard;

/// <summary>What the signed-in person has to do, and what is late: one section per role they hold.</summary>
public sealed class IndexModel(CurrentUser user, ArsDashboardQuery ars, ConsultantDashboardQuery consultant, TeamDashboardQuery team) : PageModel
{
    public string Name => user.Name;

    public ArsDashboard? Ars { get; private set; }

    public ConsultantDashboard? Consultant { get; private set; }

    public TeamDashboard? Team { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Ars = user.IsArsStaff ? await ars.RunAsync(cancellationToken) : null;
        Consultant = user.IsConsultant ? await consultant.RunAsync(cancellationToken) : null;
        Team = user.IsTeamMember ? await team.RunAsync(cancellationToken) : null;
    }
}
