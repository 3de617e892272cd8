using Benchmark.Core.Domain;
using Benchmark.Web.Infrastructure.Files;
using Benchmark.Web.Infrastructure.Pages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Benchmark.Web.Features.Deliverables;

/// <summary>
/// One deliverable of an enrolment: state, due date, approver, every version (downloadable) and every review; the team
/// uploads and submits a version, the approver named by the definition approves or requests changes with a comment.
/// Someone else's enrolment, an unknown deliverable or version: 404.
/// </summary>
public sealed class DetailsModel(DeliverableQuery query, DeliverableActions actions, FileStore files) : PageModel
{
    public const string FileField = "fichier";

    public DeliverablesPage View { get; private set; } = null!;

    public DeliverableView Deliverable => View.Deliverables[0];

    public FileStoreOptions Limits => files.Options;

    /// <summary>Why nothing was saved (the whole action was refused).</summary>
    public string? Alert { get; private set; }

    public string? FileError { get; private set; }

    public string? CommentError { get; private set; }

    [BindProperty]
    public string? Commentaire { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, string deliverableKey, CancellationToken cancellationToken) =>
        await LoadAsync(enrolmentId, deliverableKey, cancellationToken) ? Page() : NotFound();

    /// <summary>Streams a version's file (the latest without <paramref name="version"/>) as an attachment, to those who may see the enrolment only.</summary>
    public async Task<IActionResult> OnGetFichierAsync(Guid enrolmentId, string deliverableKey, int? version, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(enrolmentId, deliverableKey, cancellationToken)
            || Deliverable.Versions.FirstOrDefault(v => v.Version == (version ?? Deliverable.CurrentVersion)) is not { FileName: { } name } submission
            || files.Open(submission.StoragePath) is not { } stream)
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        return File(stream, FileInspector.ContentTypeOf(name), name);
    }

    public async Task<IActionResult> OnPostDeposerAsync(Guid enrolmentId, string deliverableKey, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(enrolmentId, deliverableKey, cancellationToken))
        {
            return NotFound();
        }

        if (!Deliverable.CanSubmit || Deliverable.IsStructured)
        {
            Alert = Deliverable.IsStructured
                ? "Ce livrable se remplit dans son formulaire, pas par un fichier."
                : "Vous ne pouvez pas déposer de version de ce livrable maintenant.";
            return Page();
        }

        var file = Request.HasFormContentType ? Request.Form.Files.GetFile(FileField) : null;
        if (file is null)
        {
            FileError = "Choisissez un fichier à déposer.";
            return Page();
        }

        if (file.Length > files.Options.MaxUploadBytes)
        {
            FileError = files.TooLarge().Message;
            return Page();
        }

        await using var upload = file.OpenReadStream();
        var stored = await files.SaveAsync(upload, file.FileName, cancellationToken);
        if (!stored.IsSuccess)
        {
            FileError = stored.Error!.Message;
            return Page();
        }

        var submitted = await actions.SubmitAsync(enrolmentId, deliverableKey, stored.Value, cancellationToken);
        if (!submitted.IsSuccess)
        {
            Alert = this.Refuse(submitted.Error!);
            await LoadAsync(enrolmentId, deliverableKey, cancellationToken);
            return Page();
        }

        TempData["Succes"] = $"Version {submitted.Value.Version} déposée : "
            + (submitted.Value.Status == DeliverableStatus.Submitted ? "elle attend la validation." : "le dépôt suffit, aucune validation n'est attendue.")
            + (submitted.Value.Events.OfType<Core.Runtime.PhaseOpened>().Any() ? " La phase suivante est ouverte." : "");
        return RedirectToPage(new { enrolmentId, deliverableKey });
    }

    public async Task<IActionResult> OnPostDeciderAsync(Guid enrolmentId, string deliverableKey, string? decision, int version, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(enrolmentId, deliverableKey, cancellationToken))
        {
            return NotFound();
        }

        ReviewDecision? chosen = decision switch
        {
            "valider" => ReviewDecision.Approved,
            "modifier" => ReviewDecision.ChangesRequested,
            _ => null,
        };
        if (chosen is null)
        {
            Alert = "Choisissez : valider, ou demander des modifications.";
            return Page();
        }

        if (chosen == ReviewDecision.ChangesRequested && string.IsNullOrWhiteSpace(Commentaire))
        {
            CommentError = "Expliquez les modifications attendues : l'équipe en a besoin pour reprendre le livrable.";
            return Page();
        }

        if (Commentaire?.Length > 4000)
        {
            CommentError = "Le commentaire est trop long (4 000 caractères au plus).";
            return Page();
        }

        var decided = await actions.DecideAsync(enrolmentId, deliverableKey, chosen.Value, Commentaire, version, cancellationToken);
        if (!decided.IsSuccess)
        {
            Alert = this.Refuse(decided.Error!);
            await LoadAsync(enrolmentId, deliverableKey, cancellationToken);
            return Page();
        }

        var opened = decided.Value.Events.OfType<Core.Runtime.PhaseOpened>().Any();
        TempData["Succes"] = (chosen == ReviewDecision.Approved ? $"Version {version} validée." : $"Modifications demandées sur la version {version} : l'équipe est prévenue.")
            + (opened ? " La phase suivante est ouverte." : "");
        return RedirectToPage(new { enrolmentId, deliverableKey });
    }

    public string FileUrl(int version) =>
        $"/parcours/{View.EnrolmentId}/livrables/{Uri.EscapeDataString(Deliverable.Definition.Id)}?handler=Fichier&version={version.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    private async Task<bool> LoadAsync(Guid enrolmentId, string deliverableKey, CancellationToken cancellationToken)
    {
        if (await query.LoadAsync(enrolmentId, deliverableKey ?? "", cancellationToken) is not { } page)
        {
            return false;
        }

        View = page;
        return true;
    }
}
