using Benchmark.Web.Features.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Dashboard;

/// <summary>What the signed-in person has to do, and what is late (per role).</summary>
public sealed class IndexModel(AccessScope scope) : PageModel
{
    public string Name => scope.User.Name;

    public int Enrolments { get; private set; }

    public int Waves { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Enrolments = await scope.Enrolments().CountAsync(cancellationToken);
        Waves = await scope.Waves().CountAsync(cancellationToken);
    }
}
