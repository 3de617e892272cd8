using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Infrastructure.Mail;
using Benchmark.Web.Infrastructure.Pages;
using Benchmark.Web.Pipeline;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Benchmark.Web.Features.AdverseEvents;

/// <summary>Serious adverse events of an office-surgery enrolment: the team reports one, everybody in scope reads them.</summary>
public sealed class IndexModel(AccessScope scope, BenchmarkDbContext db, MailOutbox outbox, UnitOfWork unit, TimeProvider clock) : PageModel
{
    private readonly AdverseEventReporting _reporting = new(scope, db, outbox, unit, clock);

    public AdverseEventContext Context { get; private set; } = null!;

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>Why the report was refused as a whole (a conflict): shown above the form, which keeps what was typed.</summary>
    public string? Alert { get; private set; }

    [BindProperty]
    public string? OccurredOn { get; set; }

    [BindProperty]
    public string? Timing { get; set; }

    [BindProperty]
    public string? CcamCode { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? Measures { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        if (await _reporting.LoadAsync(enrolmentId, cancellationToken) is not { } context)
        {
            return NotFound();
        }

        Context = context;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        if (await _reporting.LoadAsync(enrolmentId, cancellationToken) is not { IsTeamMember: true } context)
        {
            return NotFound();
        }

        Context = context;
        var reported = await _reporting.ReportAsync(context, new AdverseEventInput(OccurredOn, Timing, CcamCode, Description, Measures), cancellationToken);
        if (!reported.IsSuccess)
        {
            Alert = this.Refuse(reported.Error!);
            return Page();
        }

        if (reported.Value.Count > 0)
        {
            foreach (var e in reported.Value)
            {
                Errors.TryAdd(e.Field, e.Message);
            }

            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        TempData["Succes"] = "L'événement indésirable grave est signalé : une alerte est ouverte et les référents ARS de la vague sont prévenus par courriel.";
        return Redirect($"/parcours/{enrolmentId}/evenements-indesirables");
    }
}
