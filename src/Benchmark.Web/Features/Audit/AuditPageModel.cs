using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Benchmark.Web.Features.Audit;

/// <summary>The filters both trails read from the query string (<c>kind</c>, <c>from</c>, <c>to</c>, <c>p</c>).</summary>
public abstract class AuditPageModel : PageModel
{
    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public AuditPage Trail { get; protected set; } = null!;

    protected AuditFilter Filter => new(string.IsNullOrWhiteSpace(Kind) ? null : Kind, From, To, Math.Max(1, PageNumber));
}
