using Benchmark.Core.Common;
using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Features.Waves;
using Benchmark.Web.Pipeline;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Establishments;

/// <summary>
/// Adds an establishment to the agency; its FINESS number is checked and must not be registered already. ArsAdmin only.
/// Saved through <see cref="UnitOfWork"/>: when someone else registers the same FINESS at the same moment, the unique
/// key refuses the second one, which is told so beside the field (409).
/// </summary>
public sealed class NewModel(AccessScope scope, BenchmarkDbContext db, UnitOfWork unit, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? Finess { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? City { get; set; }

    [BindProperty]
    public EstablishmentType Type { get; set; } = EstablishmentType.CentreHospitalier;

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? Alert { get; private set; }

    public bool CanCreate => ArsEditing.CanEdit(scope.User);

    public IActionResult OnGet()
    {
        if (!scope.User.IsArsStaff)
        {
            return NotFound();
        }

        Alert = CanCreate ? null : ArsEditing.RoleRefused;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!scope.User.IsArsStaff)
        {
            return NotFound();
        }

        if (!CanCreate)
        {
            Alert = ArsEditing.RoleRefused;
            return Page();
        }

        var finess = Core.Domain.Finess.Parse(Finess);
        if (!finess.IsSuccess)
        {
            Errors[nameof(Finess)] = finess.Error!.Message;
        }
        else if (await db.Establishments.AnyAsync(e => e.Finess == finess.Value, cancellationToken))
        {
            Errors[nameof(Finess)] = Registered(finess.Value);
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            Errors[nameof(Name)] = "Le nom de l'établissement est obligatoire.";
        }

        if (string.IsNullOrWhiteSpace(City))
        {
            Errors[nameof(City)] = "Indiquez la ville de l'établissement.";
        }

        if (!Enum.IsDefined(Type))
        {
            Errors[nameof(Type)] = "Choisissez le type d'établissement.";
        }

        var created = Errors.Count == 0 ? Establishment.Create(Guid.CreateVersion7(), scope.User.AgencyId!.Value, Finess!, Name!, City!, Type) : default;
        if (Errors.Count > 0 || !created.IsSuccess)
        {
            if (Errors.Count == 0)
            {
                Errors[nameof(Name)] = created.Error!.Message;
            }

            Alert = "L'établissement n'a pas été enregistré : corrigez les champs signalés.";
            Response.StatusCode = ArsEditing.ErrorStatus(Request);
            return Page();
        }

        db.Establishments.Add(created.Value);
        db.AuditEvents.Add(new AuditEvent(clock.GetUtcNow(), scope.User.Name, null, null, "establishment.create", created.Value.Finess, null, created.Value.Name));
        var saved = await unit.SaveAsync(created.Value, new CommandName("establishment.create", scope.User.Name, created.Value.Id),
            _ => Task.FromResult(new Error("conflict", Registered(created.Value.Finess), nameof(Finess))), cancellationToken);
        if (!saved.IsSuccess)
        {
            Errors[nameof(Finess)] = saved.Error!.Message;
            Alert = "L'établissement n'a pas été enregistré : corrigez les champs signalés.";
            Response.StatusCode = ArsEditing.ErrorStatus(Request, saved.Error);
            return Page();
        }

        TempData["Succes"] = $"L'établissement « {saved.Value.Name} » est enregistré.";
        return Redirect($"/etablissements/{saved.Value.Id}");
    }

    private static string Registered(string finess) => $"Le numéro FINESS {finess} est déjà enregistré : cet établissement existe déjà.";
}
