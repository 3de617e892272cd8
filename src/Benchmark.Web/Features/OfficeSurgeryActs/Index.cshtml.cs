using Benchmark.Data;
using Benchmark.Web.Features.Indicators;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Benchmark.Web.Features.OfficeSurgeryActs;

/// <summary>
/// Patients and acts per CCAM code for one year (office surgery): the team enters one line per code, prefilled from the
/// candidature dossier's acts and contracted volumes; the totals feed the year's indicators and the funding rule.
/// </summary>
public sealed class IndexModel(IndicatorData data, PeriodReporting reporting, BenchmarkDbContext db, TimeProvider clock) : PageModel
{
    private readonly CcamActLedger _ledger = new(data, reporting, db, clock);

    public CcamActsContext Context { get; private set; } = null!;

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? Alert { get; private set; }

    [BindProperty]
    public List<CcamActRow> Rows { get; set; } = [];

    /// <summary>The totals of the lines as typed (null while a line is incomplete or wrong), and how many messages remain.</summary>
    public (Core.OfficeSurgery.CcamActCounts? Totals, int Problems) Preview
    {
        get
        {
            var (lines, errors) = CcamActsForm.Read(Rows);
            return errors.Count == 0 ? (Core.OfficeSurgery.CcamActSheet.Total(lines.Select(l => l.Counts)), 0) : (null, errors.Count);
        }
    }

    /// <summary>The lines come from the candidature dossier (nothing saved for the year yet).</summary>
    public bool Prefilled { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, int? annee, CancellationToken cancellationToken)
    {
        if (await _ledger.LoadAsync(enrolmentId, annee, cancellationToken) is not { } context)
        {
            return NotFound();
        }

        Context = context;
        Prefilled = context.Lines.Count == 0 && context.Dossier.Acts.Count > 0;
        Rows = Prefilled
            ? [.. context.Dossier.Acts.Where(a => Core.OfficeSurgery.Ccam.IsValid(a.Code)).Select(CcamActRow.From)]
            : [.. context.Lines.Select(CcamActRow.From)];
        Rows.AddRange(Enumerable.Range(0, CcamActsForm.BlankLines).Select(_ => new CcamActRow()));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid enrolmentId, int? annee, CancellationToken cancellationToken)
    {
        if (await _ledger.LoadAsync(enrolmentId, annee, cancellationToken) is not { MayEnter: true } context || context.Year.Year != annee)
        {
            return NotFound();
        }

        Context = context;
        if (context.IsLocked)
        {
            return Invalid(CcamActLedger.Locked(context));
        }

        var (lines, errors) = CcamActsForm.Read(Rows);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                Errors.TryAdd(error.Field, error.Message);
            }

            return Invalid("Corrigez les lignes signalées : aucune ligne n'a été enregistrée.");
        }

        var saved = await _ledger.SaveAsync(context, lines, cancellationToken);
        if (!saved.IsSuccess)
        {
            return Invalid(saved.Error!.Message);
        }

        var t = saved.Value;
        TempData["Succes"] = $"Les actes de l'année {annee} sont enregistrés : {t.Patients} patients, {t.Acts} actes réalisés pour {t.Contracted} contractualisés. Les indicateurs de l'année sont mis à jour.";
        return Redirect($"{context.Path}?annee={annee}");
    }

    /// <summary>htmx: the totals of what is typed so far; nothing is saved.</summary>
    public async Task<IActionResult> OnPostApercuAsync(Guid enrolmentId, int? annee, CancellationToken cancellationToken)
    {
        if (await _ledger.LoadAsync(enrolmentId, annee, cancellationToken) is not { CanEnter: true } context)
        {
            return NotFound();
        }

        Context = context;
        return Partial("_Totals", this);
    }

    private PageResult Invalid(string message)
    {
        Alert = message;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
