using Benchmark.Core.Common;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Data.Identity;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Pipeline;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Waves;

/// <summary>
/// A wave: its groups (with a warning when a group is outside the programme's group size), their consultant and
/// establishments, and the wave's ARS referents. An ArsAdmin creates groups, assigns consultants and referents and
/// enrols establishments; everyone else in scope reads. Each change saves through <see cref="UnitOfWork"/>; a refused one
/// answers with <see cref="Infrastructure.Pages.PageResults"/> (409 when another administrator got there first, 422 for
/// what was typed; 200 to htmx).
/// </summary>
public sealed partial class DetailsModel(
    AccessScope scope, BenchmarkDbContext db, UserManager<AppUser> users, EnrolEstablishment enrol, UnitOfWork unit, TimeProvider clock) : PageModel
{
    public const string GroupConflict = "Quelqu'un vient de modifier ce groupe : rechargez la page pour voir son consultant, puis recommencez.";

    public Wave Wave { get; private set; } = null!;

    public WorkflowDefinition Definition { get; private set; } = null!;

    public IReadOnlyList<GroupView> Groups { get; private set; } = [];

    public IReadOnlyList<string> Referents { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Consultants { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> StaffCandidates { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> EstablishmentCandidates { get; private set; } = [];

    public bool CanEdit => ArsEditing.CanEdit(scope.User);

    public string? Alert { get; private set; }

    /// <summary>Errors of the forms, keyed by form and field (e.g. <c>group.Name</c>).</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    [BindProperty]
    public string? GroupName { get; set; }

    [BindProperty]
    public Guid? GroupId { get; set; }

    [BindProperty]
    public Guid? ConsultantId { get; set; }

    [BindProperty]
    public Guid? EstablishmentId { get; set; }

    [BindProperty]
    public Guid? ReferentId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid waveId, CancellationToken cancellationToken) =>
        await LoadAsync(waveId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostGroupAsync(Guid waveId, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(waveId, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(GroupName))
        {
            return await InvalidAsync(waveId, "group.Name", "Indiquez le nom du groupe, par exemple « Groupe 3 ».", cancellationToken);
        }

        var name = GroupName.Trim();
        if (name.Length > 100 || name.Any(char.IsControl))
        {
            return await InvalidAsync(waveId, "group.Name", "Le nom du groupe tient sur une ligne de 100 caractères au plus.", cancellationToken);
        }

        var taken = $"Cette vague a déjà un groupe « {name} ».";
        if (await db.Groups.AnyAsync(g => g.WaveId == waveId && g.Name == name, cancellationToken))
        {
            return await InvalidAsync(waveId, "group.Name", taken, cancellationToken);
        }

        var group = new Group(Guid.CreateVersion7(), waveId, name, null);
        db.Groups.Add(group);
        db.AuditEvents.Add(new AuditEvent(clock.GetUtcNow(), scope.User.Name, waveId, null, "group.create", name, null, null));
        var saved = await unit.SaveAsync(group, new CommandName("group.create", scope.User.Name, group.Id), _ => Task.FromResult(Error.Conflict(taken)), cancellationToken);
        return saved.IsSuccess
            ? Done(waveId, $"Le groupe « {name} » est créé.")
            : await RefusedAsync(waveId, "group.Name", saved.Error!, cancellationToken);
    }

    public async Task<IActionResult> OnPostConsultantAsync(Guid waveId, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(waveId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var group = await scope.Groups().SingleOrDefaultAsync(g => g.Id == GroupId && g.WaveId == waveId, cancellationToken);
        if (group is null)
        {
            return NotFound();
        }

        var consultant = ConsultantId is { } id ? await users.FindByIdAsync(id.ToString()) : null;
        if (ConsultantId is not null && (consultant is null || !await users.IsInRoleAsync(consultant, AppRoles.Consultant)))
        {
            return await InvalidAsync(waveId, $"consultant.{group.Id}", "Choisissez un consultant dans la liste.", cancellationToken);
        }

        group.AssignConsultant(consultant?.Id);
        db.AuditEvents.Add(new AuditEvent(clock.GetUtcNow(), scope.User.Name, waveId, null, "group.consultant", group.Name, null, consultant?.Email));
        var saved = await unit.SaveAsync(group, new CommandName("group.consultant", scope.User.Name, group.Id),
            _ => Task.FromResult(Error.Conflict(GroupConflict)), cancellationToken);
        if (!saved.IsSuccess)
        {
            return await RefusedAsync(waveId, $"consultant.{group.Id}", saved.Error!, cancellationToken);
        }

        return Done(waveId, consultant is null
            ? $"Le groupe « {group.Name} » n'a plus de consultant."
            : $"{consultant.FullName} suit désormais le groupe « {group.Name} ».");
    }

    public async Task<IActionResult> OnPostEnrolAsync(Guid waveId, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(waveId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var group = await scope.Groups().SingleOrDefaultAsync(g => g.Id == GroupId && g.WaveId == waveId, cancellationToken);
        if (group is null)
        {
            return NotFound();
        }

        var establishment = await scope.Establishments().SingleOrDefaultAsync(x => x.Id == EstablishmentId && x.AgencyId == Wave.AgencyId, cancellationToken);
        if (establishment is null)
        {
            return await InvalidAsync(waveId, $"enrol.{group.Id}", "Choisissez un établissement de l'agence.", cancellationToken);
        }

        var result = await enrol.HandleAsync(Wave, group, establishment, scope.User, cancellationToken);
        return result.IsSuccess
            ? Done(waveId, $"« {establishment.Name} » est inscrit dans le groupe « {group.Name} » : sa première phase est ouverte et ses séances sont prévues.")
            : await RefusedAsync(waveId, $"enrol.{group.Id}", result.Error!, cancellationToken);
    }

    public async Task<IActionResult> OnPostReferentAsync(Guid waveId, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(waveId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var staff = ReferentId is { } id ? await db.Users.SingleOrDefaultAsync(u => u.Id == id && u.AgencyId == Wave.AgencyId, cancellationToken) : null;
        if (staff is null)
        {
            return await InvalidAsync(waveId, "referent", "Choisissez un membre de l'agence.", cancellationToken);
        }

        if (!await db.WaveReferents.AnyAsync(r => r.WaveId == waveId && r.UserId == staff.Id, cancellationToken))
        {
            db.WaveReferents.Add(new WaveReferent { WaveId = waveId, UserId = staff.Id });
            db.AuditEvents.Add(new AuditEvent(clock.GetUtcNow(), scope.User.Name, waveId, null, "wave.referent", staff.Email ?? staff.FullName, null, null));
            var saved = await unit.SaveAsync(true, new CommandName("wave.referent", scope.User.Name, waveId),
                _ => Task.FromResult(Error.Conflict($"Un autre administrateur vient de désigner {staff.FullName} référent de la vague : rechargez la page.")), cancellationToken);
            if (!saved.IsSuccess)
            {
                return await RefusedAsync(waveId, "referent", saved.Error!, cancellationToken);
            }
        }

        return Done(waveId, $"{staff.FullName} est référent de la vague.");
    }

    /// <summary>404 outside the scope; the page with an alert when the role may not edit; null when the action may go on.</summary>
    private async Task<IActionResult?> RefuseAsync(Guid waveId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(waveId, cancellationToken))
        {
            return NotFound();
        }

        if (CanEdit)
        {
            return null;
        }

        Alert = ArsEditing.RoleRefused;
        return Page();
    }

    private Task<IActionResult> InvalidAsync(Guid waveId, string key, string message, CancellationToken cancellationToken) =>
        RefusedAsync(waveId, key, Error.Invalid(message), cancellationToken);

    /// <summary>The page again, nothing saved, the error beside its form's field and above; the status of <paramref name="error"/>.</summary>
    private async Task<IActionResult> RefusedAsync(Guid waveId, string key, Error error, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(waveId, cancellationToken);
        Errors[key] = error.Message;
        Alert = error.Message;
        Response.StatusCode = ArsEditing.ErrorStatus(Request, error);
        return Page();
    }

    private RedirectResult Done(Guid waveId, string message)
    {
        TempData["Succes"] = message;
        return Redirect($"/vagues/{waveId}");
    }
}
