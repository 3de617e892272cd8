using Benchmark.Core.Common;
using Benchmark.Core.Domain;
using Benchmark.Core.Indicators;
using Benchmark.Web.Infrastructure.Pages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Benchmark.Web.Features.Indicators;

/// <summary>
/// One period's report for one enrolment: the team enters the inputs (values computed at once through htmx), saves a
/// draft or submits; the consultant validates or sends back; an ArsAdmin unlocks a validated period. A refused command
/// answers through <see cref="PageResults"/>: 422 for what was typed, 409 when someone else changed the period first.
/// </summary>
public sealed class EntryModel(IndicatorData data, PeriodReporting reporting) : PageModel
{
    public IndicatorEnrolment Context { get; private set; } = null!;

    public ReportingPeriod Period { get; private set; } = null!;

    public IReadOnlyList<Core.Definitions.IndicatorDefinition> Indicators { get; private set; } = [];

    public IndicatorPeriodReport? Report { get; private set; }

    public IndicatorValueStatus Status => Report?.Status ?? IndicatorValueStatus.Draft;

    public ReportRights Rights => PeriodReporting.Rights(data.Scope.User, Status);

    public IndicatorFormResult Form { get; private set; } = null!;

    /// <summary>The values as typed (kept as is when the form is refused, so nothing is lost).</summary>
    public Dictionary<string, string> Fields { get; } = new(StringComparer.Ordinal);

    public string? Alert { get; private set; }

    [BindProperty]
    public string? Commentaire { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, string? periode, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(enrolmentId, periode, cancellationToken))
        {
            return NotFound();
        }

        foreach (var value in await reporting.ValuesAsync(enrolmentId, Period.Key, cancellationToken))
        {
            Fields[IndicatorForm.Field(value.IndicatorId, value.InputId)] = IndicatorForm.FormatInput(value.Value);
        }

        Form = IndicatorForm.Read(Indicators, Fields.GetValueOrDefault, submitting: false);
        return Page();
    }

    /// <summary>htmx: the computed values and messages for what is typed so far; nothing is saved.</summary>
    public async Task<IActionResult> OnPostApercuAsync(Guid enrolmentId, string? periode, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(enrolmentId, periode, cancellationToken))
        {
            return NotFound();
        }

        ReadPosted(submitting: false);
        return Partial("_Computed", this);
    }

    public Task<IActionResult> OnPostEnregistrerAsync(Guid enrolmentId, string? periode, CancellationToken cancellationToken) =>
        SaveAsync(enrolmentId, periode, submit: false, cancellationToken);

    public Task<IActionResult> OnPostSoumettreAsync(Guid enrolmentId, string? periode, CancellationToken cancellationToken) =>
        SaveAsync(enrolmentId, periode, submit: true, cancellationToken);

    public Task<IActionResult> OnPostValiderAsync(Guid enrolmentId, string? periode, CancellationToken cancellationToken) =>
        ReviewAsync(enrolmentId, periode, r => r.CanReview, (c, p, a) => reporting.ValidateAsync(c, p, a, Commentaire, cancellationToken),
            "La période est validée et verrouillée.", cancellationToken);

    public Task<IActionResult> OnPostRenvoyerAsync(Guid enrolmentId, string? periode, CancellationToken cancellationToken) =>
        ReviewAsync(enrolmentId, periode, r => r.CanReview, (c, p, a) => reporting.SendBackAsync(c, p, a, Commentaire, cancellationToken),
            "La période est renvoyée à l'équipe avec votre commentaire.", cancellationToken);

    public Task<IActionResult> OnPostDeverrouillerAsync(Guid enrolmentId, string? periode, CancellationToken cancellationToken) =>
        ReviewAsync(enrolmentId, periode, r => r.CanUnlock, (c, p, a) => reporting.UnlockAsync(c, p, a, Commentaire, cancellationToken),
            "La période est déverrouillée : l'équipe peut de nouveau la modifier.", cancellationToken);

    private async Task<IActionResult> SaveAsync(Guid enrolmentId, string? periode, bool submit, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(enrolmentId, periode, cancellationToken) || !Rights.CanEnter)
        {
            return NotFound();
        }

        ReadPosted(submitting: submit);
        if (!Form.IsValid)
        {
            return Invalid(Error.Invalid("Rien n'a été enregistré : corrigez les champs signalés."));
        }

        var result = await reporting.SaveAsync(Context, Period, Form, data.Scope.User.Name, submit, cancellationToken);
        if (!result.IsSuccess)
        {
            return Invalid(result.Error!);
        }

        TempData["Succes"] = submit ? "La période est soumise : le consultant va la valider." : "Le brouillon est enregistré.";
        return Redirect(EntryUrl(enrolmentId));
    }

    private async Task<IActionResult> ReviewAsync(
        Guid enrolmentId, string? periode, Func<ReportRights, bool> allowed,
        Func<IndicatorEnrolment, ReportingPeriod, string, Task<Result<IndicatorValueStatus>>> act, string success, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(enrolmentId, periode, cancellationToken) || !allowed(Rights))
        {
            return NotFound();
        }

        var result = await act(Context, Period, data.Scope.User.Name);
        if (!result.IsSuccess)
        {
            foreach (var value in await reporting.ValuesAsync(enrolmentId, Period.Key, cancellationToken))
            {
                Fields[IndicatorForm.Field(value.IndicatorId, value.InputId)] = IndicatorForm.FormatInput(value.Value);
            }

            Form = IndicatorForm.Read(Indicators, Fields.GetValueOrDefault, submitting: false);
            return Invalid(result.Error!);
        }

        TempData["Succes"] = success;
        return Redirect(EntryUrl(enrolmentId));
    }

    private string EntryUrl(Guid enrolmentId) => $"/participations/{enrolmentId}/indicateurs/saisie?periode={Period.Key}";

    private PageResult Invalid(Error error)
    {
        Alert = this.Refuse(error);
        return Page();
    }

    private void ReadPosted(bool submitting)
    {
        foreach (var indicator in Indicators)
        {
            foreach (var entry in IndicatorForm.Entries(indicator))
            {
                var name = IndicatorForm.Field(indicator.Id, entry.InputId);
                Fields[name] = Request.Form[name].ToString();
            }
        }

        Form = IndicatorForm.Read(Indicators, Fields.GetValueOrDefault, submitting);
    }

    private async Task<bool> LoadAsync(Guid enrolmentId, string? periode, CancellationToken cancellationToken)
    {
        if (await data.EnrolmentAsync(enrolmentId, cancellationToken) is not { } context)
        {
            return false;
        }

        Context = context;
        Period = ReportingPeriod.TryParse(periode) ?? ReportingPeriod.Containing(ReportingPeriod.DefaultType(context.Definition), data.Today);
        Indicators = context.IndicatorsOf(Period.Type);
        if (Indicators.Count == 0)
        {
            return false;
        }

        Report = await reporting.ReportAsync(enrolmentId, Period.Key, cancellationToken);
        return true;
    }
}
