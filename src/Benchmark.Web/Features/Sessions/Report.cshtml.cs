using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Sessions;

/// <summary>
/// The consultant's report to the ARS owed after a session (definitions that declare <c>report:</c>): the group's
/// consultant fills and submits it; ARS staff and the consultant read it; establishment teams do not see it (404).
/// </summary>
public sealed class ReportModel(AccessScope scope, BenchmarkDbContext db, SessionContextLoader loader, SessionReports reports, TimeProvider clock) : PageModel
{
    public SessionContext Context { get; private set; } = null!;

    /// <summary>The report owed after this session; null when its definition declares none, or it is not (or no longer) scheduled.</summary>
    public ReportDraft? Draft { get; private set; }

    public SessionReport? Submitted { get; private set; }

    public string? Alert { get; private set; }

    public bool TooEarly => clock.GetUtcNow() < Context.Session.StartUtc;

    [BindProperty]
    public List<ReportLineInput> Lines { get; set; } = [];

    [BindProperty]
    public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid sessionId, CancellationToken cancellationToken) =>
        await LoadAsync(sessionId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(sessionId, cancellationToken) || !Context.CanEdit)
        {
            return NotFound();
        }

        var result = Draft is null
            ? Core.Common.Error.NotAllowed("Cette séance ne donne pas lieu à un compte rendu à l'ARS.")
            : await reports.SubmitAsync(Context, Draft, Lines, Comment, cancellationToken);
        if (!result.IsSuccess)
        {
            Alert = result.Error!.Message;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        TempData["Succes"] = "Le compte rendu est remis ; les référents ARS de la vague le reçoivent par courriel.";
        return Redirect($"/seances/{sessionId}/rapport-ars");
    }

    public ReportLineInput? InputFor(Guid enrolmentId) => Lines.LastOrDefault(l => l.EnrolmentId == enrolmentId);

    private async Task<bool> LoadAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        if (scope.User.IsTeamMember && !scope.User.IsArsStaff && !scope.User.IsConsultant)
        {
            return false;
        }

        var context = await loader.LoadAsync(sessionId, cancellationToken);
        if (context is null)
        {
            return false;
        }

        (Context, Draft) = (context, await reports.DraftAsync(context, cancellationToken));
        Submitted = await db.SessionReports.AsNoTracking().Include(r => r.Lines).SingleOrDefaultAsync(r => r.SessionRecordId == sessionId, cancellationToken);
        return true;
    }
}
