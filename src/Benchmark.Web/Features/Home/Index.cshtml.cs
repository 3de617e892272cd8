using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Benchmark.Web.Features.Home;

/// <summary>The home page is the signed-in person's work queue, « À traiter ».</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => Redirect("/a-traiter");
}
