using Benchmark.Core.Common;
using Benchmark.Core.Definitions;
using Benchmark.Core.OfficeSurgery;
using Benchmark.Core.Roadmap;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Features.Deliverables;
using Benchmark.Web.Features.Roadmap;
using Benchmark.Web.Infrastructure.Pages;
using Benchmark.Web.Pipeline;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Benchmark.Web.Features.Candidature;

/// <summary>
/// The office-surgery candidature dossier (sections A–I): the team edits its draft and submits it as a version through
/// <see cref="DeliverableActions"/>; the page also shows the ARS visit gate and the funding panel. The draft saves through
/// <see cref="UnitOfWork"/>: two members saving the first draft at once, the second is told (409) and keeps what they typed.
/// </summary>
public sealed class IndexModel(AccessScope scope, BenchmarkDbContext db, DeliverableActions actions, UnitOfWork unit, TimeProvider clock) : PageModel
{
    public const string DraftConflict =
        "Un autre membre de l'équipe vient d'enregistrer ce dossier de candidature : votre brouillon n'a pas été enregistré. Rechargez la page pour voir sa version, puis reportez vos modifications.";

    private readonly StructuredDeliverables _deliverables = new(scope, db);

    public StructuredContext Context { get; private set; } = null!;

    public FundingPanel Funding { get; private set; } = null!;

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? Alert { get; private set; }

    [BindProperty]
    public CandidatureForm Form { get; set; } = new();

    /// <summary>The draft, else the last version, else an empty dossier.</summary>
    public CandidatureDossier Working => StructuredJson.Deserialize<CandidatureDossier>(Context.Draft?.Json ?? Context.Latest?.StructuredJson) ?? CandidatureDossier.Empty;

    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(enrolmentId, cancellationToken))
        {
            return NotFound();
        }

        Form = CandidatureForm.From(Working).WithBlankLines();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(enrolmentId, cancellationToken) || !Context.CanEdit)
        {
            return NotFound();
        }

        var (dossier, errors) = Form.Read(forSubmission: false);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        _deliverables.SaveDraft(Context, StructuredJson.Serialize(dossier), clock.GetUtcNow());
        var saved = await unit.SaveAsync(true, new CommandName("candidature.draft", scope.User.Name, Context.Enrolment.Id),
            _ => Task.FromResult(Error.Conflict(DraftConflict)), cancellationToken);
        if (!saved.IsSuccess)
        {
            return Refused(saved.Error!);
        }

        TempData["Succes"] = "Le brouillon du dossier de candidature est enregistré.";
        return Redirect(Context.Path("candidature"));
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(enrolmentId, cancellationToken) || !Context.CanEdit)
        {
            return NotFound();
        }

        var (dossier, errors) = Form.Read(forSubmission: true);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var json = StructuredJson.Serialize(dossier);
        _deliverables.SaveDraft(Context, json, clock.GetUtcNow());
        var submitted = await actions.SubmitAsync(Context.Enrolment.Id, Context.Deliverable.Id, Submissions.Structured(json), cancellationToken);
        if (!submitted.IsSuccess)
        {
            db.ChangeTracker.Clear();
            return Refused(submitted.Error!);
        }

        TempData["Succes"] = $"La version {submitted.Value.Version} du dossier de candidature est déposée : elle attend la validation de l'ARS.";
        return Redirect(Context.Path("candidature"));
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
        if (Form.Acts.Count == 0 || !FormRows.Blank(Form.Acts[^1].Code))
        {
            Form.Acts.Add(new ActRow());
        }

        if (Form.Risks.Count == 0 || !FormRows.Blank(Form.Risks[^1].Description))
        {
            Form.Risks.Add(new RiskRow());
        }

        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        var context = await _deliverables.LoadAsync(enrolmentId, DeliverableKind.Candidature, cancellationToken);
        if (context is null)
        {
            return false;
        }

        Context = context;
        Funding = await FundingQuery.LoadAsync(db, context, cancellationToken);
        return true;
    }
}
