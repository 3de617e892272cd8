using Benchmark.Core.Runtime;
using Benchmark.Web.Features.Journey;
using Benchmark.Web.Infrastructure.Pages;
using Benchmark.Web.Pipeline;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Benchmark.Web.Features.Gates;

/// <summary>
/// Closing a phase (consultant or ARS, when its gate is met), forcing it (ArsAdmin, with a written justification) and
/// the go / no-go decision of a gate. Every change goes through <see cref="EnrolmentPipeline"/> (engine, audit, emails in
/// one SaveChanges); success returns to the journey page, a refusal shows this page with the error (422).
/// </summary>
public sealed class GateModel(JourneyQuery journeys, EnrolmentPipeline commands) : PageModel
{
    public GateView? Gate { get; private set; }

    public string Establishment { get; private set; } = "";

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, CancellationToken cancellationToken) =>
        await LoadAsync(enrolmentId, null, null, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostCloseAsync(Guid enrolmentId, string? phase, CancellationToken cancellationToken) =>
        RunAsync(enrolmentId, actor => new ClosePhase(actor, phase ?? ""), null, null, cancellationToken);

    public Task<IActionResult> OnPostForceAsync(Guid enrolmentId, string? phase, string? justification, CancellationToken cancellationToken) =>
        RunAsync(enrolmentId, actor => new ForceClosePhase(actor, phase ?? "", justification ?? ""), null, "justification", cancellationToken);

    public async Task<IActionResult> OnPostDecideAsync(Guid enrolmentId, string? phase, bool? go, string? comment, CancellationToken cancellationToken)
    {
        if (go is null)
        {
            return await LoadAsync(enrolmentId, "Choisissez go ou no-go.", "go", cancellationToken) ? Refused() : NotFound();
        }

        var decisionRole = await journeys.DecisionRoleAsync(enrolmentId, phase, cancellationToken);
        return await RunAsync(
            enrolmentId, actor => new DecideGate(actor, phase ?? "", go.Value, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim()), decisionRole, null, cancellationToken);
    }

    private async Task<IActionResult> RunAsync(
        Guid enrolmentId, Func<Actor, EnrolmentCommand> command, string? role, string? field, CancellationToken cancellationToken)
    {
        var outcome = await commands.RunAsync(enrolmentId, command, role, cancellationToken);
        if (outcome.IsSuccess)
        {
            var events = outcome.Value.Events;
            var opened = events.OfType<PhaseOpened>().Select(p => outcome.Value.Definition.FindPhase(p.PhaseId)?.Title).FirstOrDefault();
            var decided = events.Any(e => e is GateDecided) ? "Décision enregistrée. " : "";
            Done = (decided + (events.Any(e => e is EnrolmentCompleted) ? "La dernière phase est close : la démarche est terminée."
                : opened is not null ? $"Phase close. La phase « {opened} » est ouverte."
                : "")).TrimEnd();
            return Redirect($"/parcours/{enrolmentId}#phases");
        }

        var error = outcome.Error!;
        var fieldError = error.Code == "invalid" ? field : null;
        return error != EnrolmentPipeline.NotVisible && await LoadAsync(enrolmentId, error.Message, fieldError, cancellationToken)
            ? Refused(PageResults.StatusOf(error))
            : NotFound();
    }

    private PageResult Refused(int status = StatusCodes.Status422UnprocessableEntity)
    {
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid enrolmentId, string? error, string? field, CancellationToken cancellationToken)
    {
        if (await journeys.LoadAsync(enrolmentId, cancellationToken) is not { } journey)
        {
            return false;
        }

        Establishment = journey.Establishment;
        Gate = journey.Gate is { } gate ? gate with { Error = error, Field = field } : null;
        return true;
    }
}
