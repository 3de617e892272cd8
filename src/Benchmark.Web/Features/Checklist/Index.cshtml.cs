using Benchmark.Core.Common;
using Benchmark.Core.Runtime;
using Benchmark.Web.Infrastructure.Pages;
using Benchmark.Web.Pipeline;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Benchmark.Web.Features.Checklist;

/// <summary>
/// The team ticks, unticks or marks « non applicable » (with a reason) the items of its open phase. Each change is a
/// workflow command (<see cref="EnrolmentPipeline"/>): the engine decides, the audit trail records it. With htmx the
/// answer is the item alone plus the progress figures (out of band); without, the page again.
/// </summary>
public sealed class IndexModel(ChecklistQuery query, EnrolmentPipeline commands) : PageModel
{
    public ChecklistView View { get; private set; } = null!;

    /// <summary>A refusal that concerns no item shown on the page (an unknown item, say).</summary>
    public string? PageError { get; private set; }

    [BindProperty(SupportsGet = true, Name = "phase")]
    public string? PhaseId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        if (await query.LoadAsync(enrolmentId, PhaseId, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }

    public Task<IActionResult> OnPostTickAsync(Guid enrolmentId, string? item, string? comment, CancellationToken cancellationToken) =>
        ChangeAsync(enrolmentId, item, actor => new TickItem(actor, item ?? "", comment), "comment", cancellationToken);

    public Task<IActionResult> OnPostUntickAsync(Guid enrolmentId, string? item, string? comment, CancellationToken cancellationToken) =>
        ChangeAsync(enrolmentId, item, actor => new UntickItem(actor, item ?? "", comment), "comment", cancellationToken);

    public Task<IActionResult> OnPostNotApplicableAsync(Guid enrolmentId, string? item, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(enrolmentId, item, actor => new MarkItemNotApplicable(actor, item ?? "", reason?.Trim() ?? ""), "reason", cancellationToken);

    private async Task<IActionResult> ChangeAsync(
        Guid enrolmentId, string? item, Func<Actor, EnrolmentCommand> command, string field, CancellationToken cancellationToken)
    {
        var outcome = await commands.RunAsync(enrolmentId, command, cancellationToken: cancellationToken);
        if (outcome.Error == EnrolmentPipeline.NotVisible)
        {
            return NotFound();
        }

        if (await query.LoadAsync(enrolmentId, PhaseId ?? (item is null ? null : PhaseOf(outcome, item)), cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        var error = outcome.Error;
        var htmx = Request.Headers.ContainsKey("HX-Request");
        if (error is null && Advanced(outcome.Value) is { } advanced)
        {
            // The change met the gate: the phase closed and the next one opened; show the checklist that is now current.
            TempData["Succes"] = advanced;
            var current = $"/parcours/{enrolmentId}/check-list";
            if (!htmx)
            {
                return Redirect(current);
            }

            Response.Headers["HX-Redirect"] = current;
            return new OkResult();
        }

        if (error is null && !htmx)
        {
            return Redirect($"/parcours/{enrolmentId}/check-list{(PhaseId is null ? "" : "?phase=" + Uri.EscapeDataString(PhaseId))}#item-{Uri.EscapeDataString(item ?? "")}");
        }

        if (error is not null)
        {
            View = WithError(view, item, error, error.Code == "invalid" ? field : null);
            Response.StatusCode = htmx ? StatusCodes.Status200OK : PageResults.StatusOf(error);
        }

        var shown = View.Groups.SelectMany(g => g.Items).FirstOrDefault(i => i.Id == item);
        PageError = shown is null ? error?.Message : null;
        return htmx && shown is not null ? Partial("_ItemChanged", (View, shown)) : Page();
    }

    /// <summary>What to tell the team when their change closed the phase (null when it did not).</summary>
    private static string? Advanced(CommandOutcome outcome)
    {
        var closed = outcome.Events.OfType<PhaseClosed>().FirstOrDefault();
        var title = closed is null ? null : outcome.Definition.FindPhase(closed.PhaseId)?.Title;
        return outcome.Events.OfType<PhaseOpened>().FirstOrDefault() is { } opened
            ? $"Tout ce que demandait « {title} » est fait : la phase est close et « {outcome.Definition.FindPhase(opened.PhaseId)?.Title} » est ouverte."
            : outcome.Events.Any(e => e is EnrolmentCompleted) ? $"Tout ce que demandait « {title} » est fait : la démarche est terminée." : null;
    }

    private static string? PhaseOf(Result<CommandOutcome> outcome, string item) =>
        outcome.IsSuccess && outcome.Value.Definition.FindChecklistItem(item) is not null ? outcome.Value.Definition.PhaseOf(item).Id : null;

    private static ChecklistView WithError(ChecklistView view, string? item, Error error, string? field) => view with
    {
        Groups = [.. view.Groups.Select(g => g with { Items = [.. g.Items.Select(i => i.Id == item ? i with { Error = error.Message, Field = field } : i)] })],
    };
}
