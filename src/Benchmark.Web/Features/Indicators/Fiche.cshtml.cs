using Benchmark.Data;
using Benchmark.Web.Infrastructure.Pdf;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Benchmark.Web.Features.Indicators;

/// <summary>
/// The « fiche de restitution » of an establishment: each indicator's latest value, evolution, group median, to print
/// on A4 or to download as a PDF that headless Chromium prints from this same page, for the same user (a print ticket
/// opens it, <see cref="PdfSetup.Policy"/>). Without Chromium, the download opens the print view instead.
/// </summary>
[Authorize(Policy = PdfSetup.Policy)]
public sealed class FicheModel(IndicatorData data, BenchmarkDbContext db, ChartAnnotations notes, ChromiumPdf pdf) : PageModel
{
    public IndicatorEnrolment Context { get; private set; } = null!;

    public IReadOnlyList<RunChart> Charts { get; private set; } = [];

    public DateOnly Today => data.Today;

    /// <summary>The PDF could not be made here: the page opens the print dialog and says why.</summary>
    public bool PrintNow { get; private set; }

    /// <summary>Chromium is printing this page for the PDF (it came with a print ticket): charts are drawn at their A4 size.</summary>
    public bool PrintRender => Request.Query.ContainsKey(PrintTickets.QueryKey);

    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, string? imprimer, CancellationToken cancellationToken)
    {
        if (await data.EnrolmentAsync(enrolmentId, cancellationToken) is not { } context)
        {
            return NotFound();
        }

        Context = context;
        PrintNow = imprimer == "1";
        Charts = await ChartsModel.LoadAsync(data, db, context, await notes.ForAsync(enrolmentId, cancellationToken), cancellationToken);
        return Page();
    }

    /// <summary>« Télécharger en PDF »: the file when Chromium printed it, the print view otherwise.</summary>
    public async Task<IActionResult> OnGetPdfAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        if (await data.EnrolmentAsync(enrolmentId, cancellationToken) is not { } context)
        {
            return NotFound();
        }

        var path = Path(enrolmentId);
        return await pdf.PrintAsync(data.Scope.User.Id, path, cancellationToken) is { } file
            ? File(file, "application/pdf", $"fiche-restitution-{context.Finess}-{data.Today:yyyy-MM-dd}.pdf")
            : Redirect(path + "?imprimer=1");
    }

    public static string Path(Guid enrolmentId) => $"/participations/{enrolmentId}/indicateurs/fiche";
}
