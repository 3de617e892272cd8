using Benchmark.Core.Common;
using Benchmark.Core.Domain;
using Benchmark.Core.Indicators;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Features.Dashboard;
using Benchmark.Web.Features.Deliverables;
using Benchmark.Web.Features.Indicators;
using Benchmark.Web.Infrastructure.Pages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Benchmark.Web.Features.Work;

/// <summary>
/// « À traiter »: the signed-in person's work queue (<see cref="WorkQueueQuery"/>), filtered by wave, group or programme.
/// Two decisions can be taken from a row because the row shows what they decide on: a visa on a deliverable version (one
/// or a selection of the same deliverable, with one optional comment) and the validation of an indicator period. Both go
/// through the same commands as their own pages (<see cref="DeliverableActions"/>, <see cref="PeriodReporting"/>), so
/// rights, races and audit are theirs; asking for changes needs the document open, so the row links to it.
/// </summary>
public sealed class IndexModel(
    WorkQueueQuery queue, DeliverableActions deliverables, IndicatorData indicators, PeriodReporting periods, CurrentUser user) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "vague")]
    public Guid? Wave { get; set; }

    [BindProperty(SupportsGet = true, Name = "groupe")]
    public Guid? Group { get; set; }

    [BindProperty(SupportsGet = true, Name = "demarche")]
    public string? Programme { get; set; }

    [BindProperty]
    public string? Commentaire { get; set; }

    [BindProperty]
    public List<string> Selection { get; set; } = [];

    public IReadOnlyList<WorkTask> All { get; private set; } = [];

    public IReadOnlyList<WorkTask> Tasks { get; private set; } = [];

    public IReadOnlyList<string> Done { get; private set; } = [];

    public IReadOnlyList<string> Refused { get; private set; } = [];

    public DateOnly Today => indicators.Today;

    public string Name => user.Name;

    public bool Filtered => Wave is not null || Group is not null || !string.IsNullOrEmpty(Programme);

    /// <summary>The waves, groups and programmes the queue spans, for the filters (names sorted in French).</summary>
    public IReadOnlyList<(Guid Id, string Name)> Waves => Distinct(All.Select(t => (t.Place.WaveId, t.Place.Wave)));

    public IReadOnlyList<(Guid Id, string Name)> Groups =>
        Distinct(All.Where(t => t.Place.GroupId is not null && (Wave is null || t.Place.WaveId == Wave))
            .Select(t => (t.Place.GroupId!.Value, $"{t.Place.Group} — {t.Place.Wave}")));

    public IReadOnlyList<string> Programmes => [.. All.Select(t => t.Place.Programme).Distinct().Order(StringComparer.Create(Display.French, ignoreCase: true))];

    /// <summary>The queue's address with its filters (and a handler for a form's button), so a decision keeps the view.</summary>
    public string FilterQuery(string? handler = null)
    {
        var query = new List<string>();
        if (handler is not null)
        {
            query.Add($"handler={handler}");
        }

        if (Wave is { } w)
        {
            query.Add($"vague={w}");
        }

        if (Group is { } g)
        {
            query.Add($"groupe={g}");
        }

        if (!string.IsNullOrEmpty(Programme))
        {
            query.Add($"demarche={Uri.EscapeDataString(Programme)}");
        }

        return query.Count == 0 ? "/a-traiter" : "/a-traiter?" + string.Join('&', query);
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>The count shown beside « À traiter » in the menu, loaded after the page so no page waits for it.</summary>
    public async Task<IActionResult> OnGetCompteAsync(CancellationToken cancellationToken)
    {
        var count = (await queue.RunAsync(cancellationToken)).Count;
        return Partial("_Count", count);
    }

    /// <summary>The dashboard's summary of the queue (kinds and counts), loaded after the dashboard.</summary>
    public async Task<IActionResult> OnGetResumeAsync(CancellationToken cancellationToken) =>
        Partial("_Summary", await queue.RunAsync(cancellationToken));

    /// <summary>Approves the version of the deliverable the row showed (button <c>cle</c>), with the optional comment.</summary>
    public async Task<IActionResult> OnPostViserAsync(string? cle, CancellationToken cancellationToken) =>
        await DecideAsync(WorkAction.Parse(cle) is { } one ? [one] : [], cancellationToken);

    /// <summary>Approves every selected row (the same comment for each); each visa is its own command, refusals are listed.</summary>
    public async Task<IActionResult> OnPostViserSelectionAsync(CancellationToken cancellationToken) =>
        await DecideAsync([.. Selection.Select(WorkAction.Parse).OfType<WorkAction>().Distinct()], cancellationToken);

    /// <summary>Validates the period the row showed, as the period's page would.</summary>
    public async Task<IActionResult> OnPostValiderPeriodeAsync(string? cle, CancellationToken cancellationToken)
    {
        if (WorkAction.Parse(cle) is not { } action || ReportingPeriod.TryParse(action.Target) is not { } period
            || await indicators.EnrolmentAsync(action.EnrolmentId, cancellationToken) is not { } context)
        {
            return await RefuseAsync(Error.Invalid("Choisissez une période de la liste."), cancellationToken);
        }

        var report = await periods.ReportAsync(action.EnrolmentId, period.Key, cancellationToken);
        if (report is null || !PeriodReporting.Rights(user, report.Status).CanReview)
        {
            return await RefuseAsync(Error.Conflict($"Les indicateurs de {period.Title} de {context.Establishment} ne sont plus à valider : rechargez la page."), cancellationToken);
        }

        var result = await periods.ValidateAsync(context, period, user.Name, Trimmed(Commentaire), cancellationToken);
        if (!result.IsSuccess)
        {
            return await RefuseAsync(result.Error!, cancellationToken);
        }

        TempData["Succes"] = $"Les indicateurs de {period.Title} de {context.Establishment} sont validés et verrouillés.";
        return Redirect(FilterQuery());
    }

    private async Task<IActionResult> DecideAsync(IReadOnlyList<WorkAction> actions, CancellationToken cancellationToken)
    {
        if (actions.Count == 0)
        {
            return await RefuseAsync(Error.Invalid("Cochez au moins un livrable à viser."), cancellationToken);
        }

        var done = new List<string>();
        var refused = new List<string>();
        var opened = 0;
        foreach (var action in actions)
        {
            var result = await deliverables.DecideAsync(action.EnrolmentId, action.Target, ReviewDecision.Approved, Trimmed(Commentaire), action.Version, cancellationToken);
            if (result.IsSuccess)
            {
                done.Add(action.Key);
                opened += result.Value.Events.OfType<Core.Runtime.PhaseOpened>().Any() ? 1 : 0;
            }
            else
            {
                refused.Add(result.Error!.Message);
            }
        }

        if (refused.Count == 0)
        {
            TempData["Succes"] = (done.Count == 1 ? "Le livrable est validé : l'équipe est prévenue." : $"{done.Count} livrables sont validés : les équipes sont prévenues.")
                + opened switch { 0 => "", 1 => " La phase suivante est ouverte.", _ => $" La phase suivante est ouverte pour {opened} établissements." };
            return Redirect(FilterQuery());
        }

        Done = done;
        Refused = refused;
        Response.StatusCode = done.Count == 0 ? StatusCodes.Status409Conflict : StatusCodes.Status200OK;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<IActionResult> RefuseAsync(Error error, CancellationToken cancellationToken)
    {
        Refused = [this.Refuse(error)];
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        All = await queue.RunAsync(cancellationToken);
        Tasks = [.. All.Where(t => (Wave is null || t.Place.WaveId == Wave) && (Group is null || t.Place.GroupId == Group)
            && (string.IsNullOrEmpty(Programme) || t.Place.Programme == Programme))];
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static List<(Guid, string)> Distinct(IEnumerable<(Guid Id, string Name)> items) =>
        [.. items.DistinctBy(i => i.Id).OrderBy(i => i.Name, StringComparer.Create(Display.French, ignoreCase: true))];
}
