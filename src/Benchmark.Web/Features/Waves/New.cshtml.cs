using System.Globalization;
using Benchmark.Core.Common;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Pipeline;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Waves;

/// <summary>
/// Creates a wave of the agency from a definition version and its anchor dates (one per anchor the definition
/// declares). The version gets locked: a change to its file must become a new version. ArsAdmin only. Saved through
/// <see cref="UnitOfWork"/>: when the version changed meanwhile (locked by another wave, edited), nothing is created (409).
/// </summary>
public sealed class NewModel(AccessScope scope, BenchmarkDbContext db, UnitOfWork unit, TimeProvider clock) : PageModel
{
    public const string Conflict =
        "La version du programme vient d'être modifiée par quelqu'un d'autre : la vague n'a pas été créée. Rechargez la page, vérifiez la version choisie et recommencez.";

    public sealed record Option(Guid Id, string Label);

    public IReadOnlyList<Option> Definitions { get; private set; } = [];

    /// <summary>The chosen version (query string on GET, hidden field on POST).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? DefinitionId { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    /// <summary>Anchor dates as typed (yyyy-MM-dd), keyed by anchor id.</summary>
    [BindProperty]
    public Dictionary<string, string> Anchors { get; set; } = [];

    public WorkflowDefinition? Definition { get; private set; }

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? Alert { get; private set; }

    public bool CanCreate => ArsEditing.CanEdit(scope.User);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!scope.User.IsArsStaff)
        {
            return NotFound();
        }

        Alert = CanCreate ? null : ArsEditing.RoleRefused;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!scope.User.IsArsStaff)
        {
            return NotFound();
        }

        var stored = await LoadAsync(cancellationToken);
        if (!CanCreate)
        {
            Alert = ArsEditing.RoleRefused;
            return Page();
        }

        if (stored is null || Definition is null)
        {
            Errors[nameof(DefinitionId)] = "Choisissez le programme et sa version.";
            return Refused();
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            Errors[nameof(Name)] = "Indiquez le nom de la vague, par exemple « Vague 2027 – Provence ».";
        }

        var dates = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var anchor in Definition.Anchors)
        {
            var typed = Anchors.GetValueOrDefault(anchor.Id);
            if (string.IsNullOrWhiteSpace(typed))
            {
                Errors["Anchors[" + anchor.Id + "]"] = $"Indiquez la date « {anchor.Title} » ({anchor.Id}).";
            }
            else if (DateOnly.TryParseExact(typed.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                dates[anchor.Id] = date;
            }
            else
            {
                Errors["Anchors[" + anchor.Id + "]"] = $"La date « {anchor.Title} » ({anchor.Id}) n'est pas valide : saisissez-la au format JJ/MM/AAAA.";
            }
        }

        foreach (var disorder in ScheduleResolver.AnchorsOutOfOrder(Definition, dates))
        {
            Errors["Anchors[" + disorder.Anchor + "]"] = "Date refusée : " + disorder.Message + ".";
        }

        if (Errors.Count == 0 && ScheduleResolver.Resolve(Definition, dates) is { } calendar)
        {
            if (!calendar.IsSuccess)
            {
                Alert = "Le calendrier de la vague ne peut pas être calculé avec ces dates : " + calendar.Error!.Message;
            }
            else if (calendar.Value.InvertedPhases() is { Count: > 0 } inverted)
            {
                Alert = "Le calendrier de la vague serait incohérent avec ces dates : " + string.Join(" ; ", inverted.Select(p =>
                    $"la phase « {p.Definition.Title} » finirait le {Day(p.Due)}, avant de commencer le {Day(p.Start)}"))
                    + ". Vérifiez l'ordre et l'écart des dates de référence.";
            }
        }

        if (Errors.Count > 0 || Alert is not null)
        {
            Alert ??= "La vague n'a pas été créée : corrigez les champs signalés.";
            return Refused();
        }

        var now = clock.GetUtcNow();
        var wave = new Wave(Guid.CreateVersion7(), scope.User.AgencyId!.Value, stored.Id, Name!.Trim(), dates, now);
        db.Waves.Add(wave);
        stored.Lock();
        db.AuditEvents.Add(new AuditEvent(now, scope.User.Name, wave.Id, null, "wave.create", wave.Name, null, $"{stored.ProgrammeId} v{stored.Version}"));
        var saved = await unit.SaveAsync(wave, new CommandName("wave.create", scope.User.Name, wave.Id), _ => Task.FromResult(Error.Conflict(Conflict)), cancellationToken);
        if (!saved.IsSuccess)
        {
            await LoadAsync(cancellationToken);
            Alert = saved.Error!.Message;
            Response.StatusCode = ArsEditing.ErrorStatus(Request, saved.Error);
            return Page();
        }

        TempData["Succes"] = $"La vague « {wave.Name} » est créée. Ajoutez-lui des groupes, puis inscrivez les établissements.";
        return Redirect($"/vagues/{wave.Id}");
    }

    private static string Day(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private PageResult Refused()
    {
        Response.StatusCode = ArsEditing.ErrorStatus(Request);
        return Page();
    }

    private async Task<ProgrammeDefinition?> LoadAsync(CancellationToken cancellationToken)
    {
        var all = await db.ProgrammeDefinitions.OrderBy(d => d.Title).ThenByDescending(d => d.Version).ToListAsync(cancellationToken);
        Definitions = [.. all.Select(d => new Option(d.Id, $"{d.Title} — version {d.Version}"))];
        var stored = all.FirstOrDefault(d => d.Id == DefinitionId);
        Definition = stored?.Parse();
        return stored;
    }
}
