using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Benchmark.Web.Features.Errors;

/// <summary>
/// <c>/erreur/{code}</c>: a page not found, refused or broken, in the site's layout and in French. The pipeline
/// re-executes it (<see cref="ErrorsSetup"/>) and it answers the original status: a 404 stays a 404.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken(Order = 1001)]
public sealed class IndexModel : PageModel
{
    public int Status { get; private set; } = StatusCodes.Status404NotFound;

    public ErrorText Text => ErrorText.For(Status);

    /// <remarks>
    /// Here rather than in <c>OnGet</c>: a re-executed request keeps its method, and a failed POST comes back as a
    /// POST, which would render the page without running <c>OnGet</c>. Its anti-forgery token may be what failed,
    /// hence [IgnoreAntiforgeryToken]. [NonHandler]: overridden here, Razor Pages would take it for a handler.
    /// </remarks>
    [NonHandler]
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var code = RouteData.Values["code"] as string;
        Status = int.TryParse(code, CultureInfo.InvariantCulture, out var status) && status is >= 400 and < 600
            ? status
            : StatusCodes.Status404NotFound;
        Response.StatusCode = Status;

        // htmx swaps no 4xx/5xx answer (its default responseHandling): a page would be built for nothing, and if a
        // target ever did swap it, it would nest a whole layout inside the page. The status alone tells htmx.
        if (Request.Headers.ContainsKey("HX-Request"))
        {
            context.Result = new StatusCodeResult(Status);
        }
    }
}
