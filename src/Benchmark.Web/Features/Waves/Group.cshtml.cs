using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Waves;

/// <summary>A group: its establishments and their project teams; an ArsAdmin invites team members.</summary>
public sealed class GroupModel(AccessScope scope, BenchmarkDbContext db, InviteTeamMember invite) : PageModel
{
    public sealed record MemberView(string FullName, string Email, string Role, bool HasAccount);

    public sealed record EstablishmentView(Guid EnrolmentId, Establishment Establishment, string Phase, IReadOnlyList<MemberView> Members);

    public Wave Wave { get; private set; } = null!;

    public Group Group { get; private set; } = null!;

    public WorkflowDefinition Definition { get; private set; } = null!;

    public string? Consultant { get; private set; }

    public IReadOnlyList<EstablishmentView> Establishments { get; private set; } = [];

    /// <summary>The group's collective sessions and its establishments' own, in date order (cancelled ones included, marked).</summary>
    public IReadOnlyList<Dashboard.SessionLine> Sessions { get; private set; } = [];

    public IReadOnlyList<RoleDefinition> TeamRoles => [.. Definition.Roles.Where(r => r.Side == RoleSide.Establishment)];

    public bool CanEdit => ArsEditing.CanEdit(scope.User);

    public string? Alert { get; private set; }

    public Dictionary<string, string> Errors { get; private set; } = new(StringComparer.Ordinal);

    [BindProperty]
    public Guid? EnrolmentId { get; set; }

    [BindProperty]
    public string? FullName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? RoleId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid waveId, Guid groupId, CancellationToken cancellationToken) =>
        await LoadAsync(waveId, groupId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostInviteAsync(Guid waveId, Guid groupId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(waveId, groupId, cancellationToken))
        {
            return NotFound();
        }

        if (!CanEdit)
        {
            Alert = ArsEditing.RoleRefused;
            return Page();
        }

        var enrolment = await scope.Enrolments().SingleOrDefaultAsync(e => e.Id == EnrolmentId && e.GroupId == groupId, cancellationToken);
        if (enrolment is null)
        {
            return NotFound();
        }

        var invitation = new Invitation(FullName, Email, RoleId);
        Errors = InviteTeamMember.Validate(invitation, Definition);
        var status = ArsEditing.ErrorStatus(Request);
        if (Errors.Count == 0)
        {
            var establishment = Establishments.Single(x => x.EnrolmentId == enrolment.Id).Establishment;
            var result = await invite.HandleAsync(enrolment, establishment, Definition, invitation, scope.User.Name, cancellationToken);
            if (result.IsSuccess)
            {
                TempData["Succes"] = $"{result.Value.FullName} rejoint l'équipe de « {establishment.Name} ».";
                return Redirect($"/vagues/{waveId}/groupes/{groupId}");
            }

            Errors[nameof(Email)] = result.Error!.Message;
            status = ArsEditing.ErrorStatus(Request, result.Error);
        }

        Alert = "L'invitation n'a pas été envoyée : corrigez les champs signalés.";
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid waveId, Guid groupId, CancellationToken cancellationToken)
    {
        if (!ArsEditing.CanRead(scope.User))
        {
            return false;
        }

        var wave = await scope.Waves().AsNoTracking().SingleOrDefaultAsync(w => w.Id == waveId, cancellationToken);
        var group = await scope.Groups().AsNoTracking().SingleOrDefaultAsync(g => g.Id == groupId && g.WaveId == waveId, cancellationToken);
        if (wave is null || group is null)
        {
            return false;
        }

        (Wave, Group) = (wave, group);
        Definition = (await db.ProgrammeDefinitions.AsNoTracking().SingleAsync(d => d.Id == wave.DefinitionId, cancellationToken)).Parse();
        Consultant = group.ConsultantId is { } c ? await db.Users.Where(u => u.Id == c).Select(u => u.FullName).SingleOrDefaultAsync(cancellationToken) : null;
        var enrolments = await (from e in scope.Enrolments().Where(e => e.GroupId == groupId)
                                join x in scope.Establishments() on e.EstablishmentId equals x.Id
                                orderby x.Name
                                select new { e.Id, e.CurrentPhaseId, e.Status, Establishment = x }).AsNoTracking().ToListAsync(cancellationToken);
        var ids = enrolments.Select(e => e.Id).ToList();
        var members = await scope.TeamMembers().AsNoTracking().Where(m => ids.Contains(m.EnrolmentId)).ToListAsync(cancellationToken);
        var sessions = await scope.Sessions().AsNoTracking()
            .Where(s => s.GroupId == groupId || (s.EnrolmentId != null && ids.Contains(s.EnrolmentId.Value)))
            .OrderBy(s => s.StartUtc).ToListAsync(cancellationToken);
        var names = enrolments.ToDictionary(e => e.Id, e => e.Establishment.Name);
        Sessions = [.. sessions.Select(s => new Dashboard.SessionLine(
            s.Id, s.StartUtc, Definition.FindSession(s.SessionId)?.Title ?? s.SessionId, s.Kind,
            s.EnrolmentId is { } e ? names.GetValueOrDefault(e, "?") : "Tout le groupe", s.Status))];
        Establishments = [.. enrolments.Select(e => new EstablishmentView(
            e.Id, e.Establishment, Definition.FindPhase(e.CurrentPhaseId)?.Title ?? Display.Status(e.Status),
            [.. members.Where(m => m.EnrolmentId == e.Id).OrderBy(m => m.FullName, StringComparer.Ordinal)
                .Select(m => new MemberView(m.FullName, m.Email, Definition.FindRole(m.RoleId)?.Title ?? m.RoleId, m.UserId is not null))]))];
        return true;
    }
}
