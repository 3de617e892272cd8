using Benchmark.Core.Common;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Roadmap;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Features.Deliverables;
using Benchmark.Web.Infrastructure.Pages;
using Benchmark.Web.Pipeline;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Roadmap;

/// <summary>
/// The feuille de route of an enrolment: the team edits its working draft and submits it as a version (through
/// <see cref="DeliverableActions"/>; the ARS visa is given on the deliverables page); once approved, the team keeps
/// each action's status and progress up to date (audited) and everybody sees what is late. The draft and the progress
/// save through <see cref="UnitOfWork"/>: the member who loses a race is told (409) and keeps what they typed.
/// </summary>
public sealed class IndexModel(AccessScope scope, BenchmarkDbContext db, DeliverableActions actions, UnitOfWork unit, TimeProvider clock) : PageModel
{
    public const string DraftConflict =
        "Un autre membre de l'équipe vient d'enregistrer cette feuille de route : votre brouillon n'a pas été enregistré. Rechargez la page pour voir sa version, puis reportez vos modifications.";

    private readonly StructuredDeliverables _deliverables = new(scope, db);

    public StructuredContext Context { get; private set; } = null!;

    public IReadOnlyList<IndicatorChoice> Indicators { get; private set; } = [];

    /// <summary>The live state of the approved version's actions (empty before the visa).</summary>
    public IReadOnlyList<RoadmapActionState> Live { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? Alert { get; private set; }

    [BindProperty]
    public RoadmapForm Form { get; set; } = new();

    [BindProperty]
    public string? ActionId { get; set; }

    /// <summary>The progress form of each action, keyed by action id (<c>Progress[id].Status</c>, <c>.Progress</c>, <c>.Comment</c>).</summary>
    [BindProperty]
    public Dictionary<string, ProgressInput> Progress { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The progress history of each live action (by state id), newest first.</summary>
    public ILookup<Guid, RoadmapActionUpdate> History { get; private set; } = Array.Empty<RoadmapActionUpdate>().ToLookup(u => u.ActionStateId);

    /// <summary>What the editor shows: the draft, else the last version, else nothing yet.</summary>
    public RoadmapDocument Working => StructuredJson.Deserialize<RoadmapDocument>(Context.Draft?.Json ?? Context.Latest?.StructuredJson) ?? RoadmapDocument.Empty;

    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(enrolmentId, cancellationToken))
        {
            return NotFound();
        }

        Form = RoadmapForm.From(Working).WithBlankLines();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(enrolmentId, cancellationToken) || !Context.CanEdit)
        {
            return NotFound();
        }

        var (document, errors) = Form.Read(Indicators, forSubmission: false);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        _deliverables.SaveDraft(Context, StructuredJson.Serialize(document), clock.GetUtcNow());
        var saved = await unit.SaveAsync(true, new CommandName("roadmap.draft", scope.User.Name, Context.Enrolment.Id),
            _ => Task.FromResult(Error.Conflict(DraftConflict)), cancellationToken);
        if (!saved.IsSuccess)
        {
            return Refused(saved.Error!);
        }

        TempData["Succes"] = "Le brouillon de la feuille de route est enregistré.";
        return Redirect(Context.Path("feuille-de-route"));
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(enrolmentId, cancellationToken) || !Context.CanEdit)
        {
            return NotFound();
        }

        var (document, errors) = Form.Read(Indicators, forSubmission: true);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        // The draft, the version's action states and the submission are written by one SaveChanges (in SubmitAsync).
        var now = clock.GetUtcNow();
        var json = StructuredJson.Serialize(document);
        _deliverables.SaveDraft(Context, json, now);
        var version = (Context.Record?.CurrentVersion ?? 0) + 1;
        db.Set<RoadmapActionState>().AddRange(document.Actions.Select(a =>
            new RoadmapActionState(Guid.CreateVersion7(), Context.Enrolment.Id, Context.Deliverable.Id, version, a, now, scope.User.Name)));
        var submitted = await actions.SubmitAsync(Context.Enrolment.Id, Context.Deliverable.Id, Submissions.Structured(json), cancellationToken);
        if (!submitted.IsSuccess)
        {
            db.ChangeTracker.Clear();
            return Refused(submitted.Error!);
        }

        TempData["Succes"] = $"La version {submitted.Value.Version} de la feuille de route est déposée : elle attend le visa de l'ARS.";
        return Redirect(Context.Path("feuille-de-route"));
    }

    public async Task<IActionResult> OnPostProgressAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(enrolmentId, cancellationToken) || !Context.IsTeamMember || Context.Approved is null)
        {
            return NotFound();
        }

        var state = await db.Set<RoadmapActionState>().SingleOrDefaultAsync(
            s => s.EnrolmentId == enrolmentId && s.DeliverableId == Context.Deliverable.Id && s.Version == Context.Approved.Version && s.ActionId == ActionId,
            cancellationToken);
        if (state is null)
        {
            return NotFound();
        }

        var key = $"Progress[{state.ActionId}]";
        var input = Progress.GetValueOrDefault(state.ActionId) ?? new ProgressInput();
        if (!Enum.TryParse<ActionStatus>(input.Status, out var status) || !Enum.IsDefined(status) || int.TryParse(input.Status, out _))
        {
            return Invalid([new(key + ".Status", "Choisissez un statut de la liste.")]);
        }

        if (!int.TryParse(input.Progress, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var progress))
        {
            return Invalid([new(key + ".Progress", "L'avancement est un nombre entier entre 0 et 100.")]);
        }

        var now = clock.GetUtcNow();
        var update = state.Update(status, progress, input.Comment, scope.User.Name, now);
        if (!update.IsSuccess)
        {
            return Invalid([new($"{key}.{update.Error!.Field ?? nameof(ProgressInput.Status)}", update.Error.Message)]);
        }

        db.Set<RoadmapActionUpdate>().Add(update.Value);
        var detail = update.Value.Comment is { } comment ? $"{update.Value.After} — {comment}" : update.Value.After;
        db.AuditEvents.Add(new AuditEvent(now, scope.User.Name, Context.Wave.Id, enrolmentId, "roadmap.action-progress", $"Feuille de route, action « {state.Title} »", update.Value.Before, detail));
        var saved = await unit.SaveAsync(true, new CommandName("roadmap.action-progress", scope.User.Name, state.Id), null, cancellationToken);
        if (!saved.IsSuccess)
        {
            return Refused(saved.Error!);
        }

        TempData["Succes"] = $"L'action « {state.Title} » est à jour : {state.Describe()}.";
        return Redirect(Context.Path("feuille-de-route") + "#mise-en-oeuvre");
    }

    /// <summary>The whole command was refused (e.g. a conflict, 409): its message above the form, which keeps what was typed.</summary>
    private PageResult Refused(Error error)
    {
        Alert = this.Refuse(error);
        return Invalid([], Response.StatusCode);
    }

    private PageResult Invalid(IEnumerable<FieldError> errors, int status = StatusCodes.Status422UnprocessableEntity)
    {
        foreach (var e in errors)
        {
            Errors.TryAdd(e.Field, e.Message);
        }

        Alert ??= "Rien n'a été enregistré : corrigez les champs signalés.";
        if (Form.Actions.Count == 0 || !FormRows.Blank(Form.Actions[^1].Title))
        {
            Form.WithBlankLines();
        }

        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        var context = await _deliverables.LoadAsync(enrolmentId, DeliverableKind.Roadmap, cancellationToken);
        if (context is null)
        {
            return false;
        }

        Context = context;
        Today = ParisTime.Today(clock);
        Indicators = [.. context.Definition.Indicators.Select(i => new IndicatorChoice(i.Id, i.Title, i.Unit, i.Min, i.Max))];
        if (context.Approved is { } approved)
        {
            Live = await db.Set<RoadmapActionState>().AsNoTracking()
                .Where(s => s.EnrolmentId == enrolmentId && s.DeliverableId == context.Deliverable.Id && s.Version == approved.Version)
                .OrderBy(s => s.Due).ThenBy(s => s.Title).ToListAsync(cancellationToken);
            var ids = Live.Select(s => s.Id).ToList();
            var updates = await db.Set<RoadmapActionUpdate>().AsNoTracking()
                .Where(u => ids.Contains(u.ActionStateId)).ToListAsync(cancellationToken);
            History = updates.OrderByDescending(u => u.At).ToLookup(u => u.ActionStateId);
        }

        return true;
    }
}

/// <summary>What the progress form of one action posts.</summary>
public sealed class ProgressInput
{
    public string? Status { get; set; }

    public string? Progress { get; set; }

    public string? Comment { get; set; }
}
