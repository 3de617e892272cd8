using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Benchmark.Web.Features.Home;

/// <summary>The home page is the signed-in person's dashboard.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => Redirect("/tableau-de-bord");
}
