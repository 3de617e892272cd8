using System.Security.Claims;
using Benchmark.Core.Grid;
using Benchmark.Core.Indicators;
using Benchmark.Web.Infrastructure.Files;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Benchmark.Web.Features.Grid;

/// <summary>
/// The collection grid of an imaging enrolment: download the template, upload a file (every bad row reported, nothing
/// imported while errors remain unless the user imports the valid rows only), and the indicators computed from it.
/// </summary>
[RequestSizeLimit(GridUploads.MaxBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = GridUploads.MaxBytes + (1024 * 1024))]
internal sealed class IndexModel(GridTargets targets, GridImporter importer, GridUploads uploads, GridResults results) : PageModel
{
    public GridTarget Target { get; private set; } = null!;

    public GridResultsView Results { get; private set; } = null!;

    /// <summary>A refused or failed import, shown with the 422 answer of the POST.</summary>
    public GridImportOutcome? Outcome { get; private set; }

    /// <summary>A done import, carried across the redirect that follows it (post/redirect/get).</summary>
    public GridImportReport? Report { get; private set; }

    [TempData]
    public string? ReportJson { get; set; }

    public string? FileError { get; private set; }

    /// <summary>The kept file a "valid rows only" import would use.</summary>
    public string? PendingSha { get; private set; }

    public string? PendingName { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(enrolmentId, cancellationToken))
        {
            return NotFound();
        }

        Report = GridImportReport.FromJson(ReportJson);
        return Page();
    }

    public async Task<IActionResult> OnGetModeleAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        if (await targets.FindAsync(enrolmentId, cancellationToken) is not { } target)
        {
            return NotFound();
        }

        return File(GridTemplate.Build(target.Schema, target.Establishment), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "grille-recueil-imagerie.xlsx");
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid enrolmentId, IFormFile? fichier, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(enrolmentId, cancellationToken) || !Target.CanImport)
        {
            return NotFound();
        }

        if (fichier is null || fichier.Length == 0)
        {
            FileError = "Choisissez un fichier de la grille (.xlsx ou .csv).";
        }
        else if (fichier.Length > GridUploads.MaxBytes)
        {
            FileError = $"Le fichier dépasse {GridUploads.MaxBytes / 1024 / 1024} Mo : découpez-le par période.";
        }
        else if (FileInspector.HasFormatting(fichier.FileName))
        {
            FileError = FileInspector.FormattingRefused;
        }
        else if (Path.GetExtension(fichier.FileName).ToLowerInvariant() is not (".xlsx" or ".csv" or ".txt"))
        {
            FileError = "Format non pris en charge : déposez un classeur .xlsx ou un fichier .csv (séparateur point-virgule).";
        }

        if (FileError is not null)
        {
            return Unprocessable();
        }

        await using var content = fichier!.OpenReadStream();
        var (path, sha) = await uploads.SaveAsync(enrolmentId, content, cancellationToken);
        return await ImportAsync(path, Path.GetFileName(fichier.FileName), sha, validRowsOnly: false, cancellationToken);
    }

    public async Task<IActionResult> OnPostValidesAsync(Guid enrolmentId, string? sha, string? nom, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(enrolmentId, cancellationToken) || !Target.CanImport)
        {
            return NotFound();
        }

        if (uploads.Find(enrolmentId, sha) is not { } path)
        {
            FileError = "Le fichier n'est plus disponible : déposez-le à nouveau.";
            return Unprocessable();
        }

        return await ImportAsync(path, nom is null || FileInspector.HasFormatting(nom) ? "grille" : nom, sha!, validRowsOnly: true, cancellationToken);
    }

    private async Task<IActionResult> ImportAsync(string path, string name, string sha, bool validRowsOnly, CancellationToken cancellationToken)
    {
        var actor = User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name ?? "";
        Outcome = await importer.ImportAsync(Target, path, name, sha, validRowsOnly, actor, cancellationToken);
        if (Outcome.Status == GridImportStatus.Rejected)
        {
            (PendingSha, PendingName) = (sha, name);
            return Unprocessable();
        }

        GridUploads.Delete(path);
        if (Outcome.Status is not (GridImportStatus.Imported or GridImportStatus.AlreadyImported))
        {
            return Unprocessable();
        }

        // Post/redirect/get: the page shows the report at its own address, where the next upload starts afresh.
        ReportJson = GridImportReport.From(Outcome).ToJson();
        return RedirectToPage(new { enrolmentId = Target.EnrolmentId });
    }

    private async Task<bool> LoadAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        if (await targets.FindAsync(enrolmentId, cancellationToken) is not { } target)
        {
            return false;
        }

        Target = target;
        Results = await results.LoadAsync(enrolmentId, cancellationToken);
        return true;
    }

    private PageResult Unprocessable()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public static string Rows(int count) => count.ToString("N0", GridDisplay.French) + (count > 1 ? " lignes" : " ligne");

    /// <summary>« septembre 2010 et octobre 2010 » from period keys (the key itself if it does not parse).</summary>
    public static string Periods(IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var titles = keys.Select(k => ReportingPeriod.TryParse(k)?.Title ?? k).ToList();
        return titles.Count == 1 ? titles[0] : $"{string.Join(", ", titles.SkipLast(1))} et {titles[^1]}";
    }

    public static IReadOnlyList<DelayBucket> Buckets => GridDistribution.Buckets;
}
