using Benchmark.Core.Common;
using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Web.Infrastructure.Pages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Sessions;

/// <summary>
/// A session: when, where, agenda, participants, and once held its attendance and minutes; the group's consultant (or
/// an ArsAdmin) schedules, reschedules or cancels it, and adds or removes one participant at a time.
/// </summary>
public sealed class DetailsModel(
    BenchmarkDbContext db, SessionContextLoader loader, SessionPlanning planning, SessionConflictCheck conflicts, TimeProvider clock) : PageModel
{
    public SessionContext Context { get; private set; } = null!;

    public Session Session => Context.Session;

    public string? Alert { get; private set; }

    public string? ActiveForm { get; private set; }

    public Dictionary<string, string> Errors { get; private set; } = new(StringComparer.Ordinal);

    [BindProperty]
    public string? Date { get; set; }

    [BindProperty]
    public string? StartTime { get; set; }

    [BindProperty]
    public string? DurationMinutes { get; set; }

    [BindProperty]
    public string? Location { get; set; }

    [BindProperty]
    public string? VisioUrl { get; set; }

    [BindProperty]
    public string? Agenda { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? ParticipantName { get; set; }

    [BindProperty]
    public string? ParticipantEmail { get; set; }

    [BindProperty]
    public string? RemovedEmail { get; set; }

    public SessionRecord Record { get; private set; } = SessionRecord.Empty;

    /// <summary>What the slot being saved clashes with: the form says so and asks for <see cref="ConfirmConflicts"/>.</summary>
    public IReadOnlyList<Core.Scheduling.SessionConflict> Conflicts { get; private set; } = [];

    [BindProperty]
    public bool ConfirmConflicts { get; set; }

    /// <summary>Set once the consultant asked to cancel: the page shows what the cancel will do and asks to confirm it.</summary>
    public bool ConfirmingCancel { get; private set; }

    /// <summary>How many people the cancel tells: everyone invited, once the invitations were sent; nobody before.</summary>
    public int ToldOfCancel => Session.Status == SessionStatus.Scheduled ? Context.Participants.Count : 0;

    /// <summary>The session this cancelled one was planned again as, if it was.</summary>
    public Guid? ReplacementId { get; private set; }

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(sessionId, cancellationToken))
        {
            return NotFound();
        }

        Prefill();
        return Page();
    }

    public Task<IActionResult> OnPostScheduleAsync(Guid sessionId, CancellationToken cancellationToken) =>
        SlotChangeAsync(sessionId, "programmer", reschedule: false, cancellationToken);

    public Task<IActionResult> OnPostRescheduleAsync(Guid sessionId, CancellationToken cancellationToken) =>
        SlotChangeAsync(sessionId, "reprogrammer", reschedule: true, cancellationToken);

    public Task<IActionResult> OnPostReplanAsync(Guid sessionId, CancellationToken cancellationToken) =>
        SlotChangeAsync(sessionId, "replanifier", reschedule: false, cancellationToken, replan: true);

    /// <summary>The first step of a cancel: nothing is sent yet, the page names what the cancel will do.</summary>
    public async Task<IActionResult> OnPostAskCancelAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(sessionId, cancellationToken) || !Context.CanEdit)
        {
            return NotFound();
        }

        ActiveForm = "annuler";
        if (string.IsNullOrWhiteSpace(Reason))
        {
            Errors[nameof(Reason)] = "Indiquez le motif de l'annulation.";
            return Invalid();
        }

        ConfirmingCancel = true;
        Prefill();
        return Page();
    }

    /// <summary>The confirmed cancel: the participants get the CANCEL.</summary>
    public async Task<IActionResult> OnPostCancelAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(sessionId, cancellationToken) || !Context.CanEdit)
        {
            return NotFound();
        }

        ActiveForm = "annuler";
        if (string.IsNullOrWhiteSpace(Reason))
        {
            Errors[nameof(Reason)] = "Indiquez le motif de l'annulation.";
            return Invalid();
        }

        var result = await planning.CancelAsync(Context, Reason, cancellationToken);
        if (!result.IsSuccess)
        {
            Alert = result.Error!.Message;
            return Invalid(result.Error);
        }

        TempData["Succes"] = "La séance est annulée ; les participants reçoivent l'annulation.";
        return Redirect($"/seances/{sessionId}");
    }

    public async Task<IActionResult> OnPostAddParticipantAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(sessionId, cancellationToken) || !Context.CanEdit)
        {
            return NotFound();
        }

        ActiveForm = "ajouter";
        var result = await planning.AddParticipantAsync(Context, ParticipantName, ParticipantEmail, cancellationToken);
        if (!result.IsSuccess)
        {
            Errors[nameof(ParticipantEmail)] = result.Error!.Message;
            Alert = result.Error.Message;
            return Invalid(result.Error);
        }

        TempData["Succes"] = "Le participant est ajouté : il reçoit l'invitation, les autres participants la mise à jour.";
        return Redirect($"/seances/{sessionId}");
    }

    public async Task<IActionResult> OnPostRemoveParticipantAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(sessionId, cancellationToken) || !Context.CanEdit)
        {
            return NotFound();
        }

        ActiveForm = "retirer";
        var result = await planning.RemoveParticipantAsync(Context, RemovedEmail, cancellationToken);
        if (!result.IsSuccess)
        {
            Errors[nameof(RemovedEmail)] = result.Error!.Message;
            Alert = result.Error.Message;
            return Invalid(result.Error);
        }

        TempData["Succes"] = "Le participant est retiré : il reçoit l'annulation, les autres participants la mise à jour.";
        return Redirect($"/seances/{sessionId}");
    }

    /// <summary>The conflicts of the slot as typed so far (htmx, on each change of the planning form); nothing when it does not parse yet.</summary>
    public async Task<IActionResult> OnPostConflitsAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(sessionId, cancellationToken) || !Context.CanEdit)
        {
            return NotFound();
        }

        var (slot, _) = SessionPlanning.Parse(new SlotInput(Date, StartTime, DurationMinutes, Location, VisioUrl, Agenda));
        return Partial("_Conflicts", slot is null ? [] : await conflicts.FindAsync(Context, slot, cancellationToken));
    }

    private async Task<IActionResult> SlotChangeAsync(
        Guid sessionId, string form, bool reschedule, CancellationToken cancellationToken, bool replan = false)
    {
        if (!await LoadAsync(sessionId, cancellationToken) || !Context.CanEdit)
        {
            return NotFound();
        }

        ActiveForm = form;
        var (slot, errors) = SessionPlanning.Parse(new SlotInput(Date, StartTime, DurationMinutes, Location, VisioUrl, Agenda));
        Errors = errors;
        if (slot is null)
        {
            return Invalid();
        }

        // A double booking (consultant, establishment, room) stops the save until confirmed; a non-working day is only said.
        Conflicts = await conflicts.FindAsync(Context, slot, cancellationToken);
        if (slot.Validate(clock.GetUtcNow()) is null && Conflicts.Any(c => c.Kind != Core.Scheduling.ConflictKind.NonWorkingDay) && !ConfirmConflicts)
        {
            Alert = "Rien n'a été enregistré : ce créneau est en conflit. Choisissez-en un autre, ou cochez « Programmer malgré le conflit ».";
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        var result = replan
            ? await planning.ReplanAsync(Context, slot, cancellationToken)
            : reschedule
            ? await planning.RescheduleAsync(Context, slot, cancellationToken)
            : await planning.ScheduleAsync(Context, slot, cancellationToken);
        if (!result.IsSuccess)
        {
            if (result.Error!.Field is { } field)
            {
                Errors[field] = result.Error.Message;
            }
            else
            {
                Alert = result.Error.Message;
            }

            return Invalid(result.Error);
        }

        TempData["Succes"] = replan
            ? "La séance est planifiée à nouveau ; les participants reçoivent une nouvelle invitation. La séance annulée reste dans l'historique."
            : reschedule
            ? "La séance est reprogrammée ; les participants reçoivent la modification."
            : "La séance est programmée ; les participants reçoivent l'invitation.";
        return Redirect($"/seances/{result.Value!.SessionRecordId}");
    }

    private PageResult Invalid(Error? refused = null)
    {
        Alert ??= "Rien n'a été enregistré : corrigez les champs signalés.";
        Response.StatusCode = refused is null ? StatusCodes.Status422UnprocessableEntity : PageResults.StatusOf(refused);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var context = await loader.LoadAsync(sessionId, cancellationToken);
        if (context is null)
        {
            return false;
        }

        Context = context;
        Record = await SessionRecord.LoadAsync(db, context, cancellationToken);
        ReplacementId = context.Session.Status == SessionStatus.Cancelled
            ? await db.Sessions.AsNoTracking().Where(s => s.ReplacesId == sessionId).Select(s => (Guid?)s.Id).SingleOrDefaultAsync(cancellationToken)
            : null;
        return true;
    }

    private void Prefill()
    {
        var start = Core.Scheduling.ParisTime.ToParis(Session.StartUtc);
        Date = start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        StartTime = start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        DurationMinutes = (Session.Status == SessionStatus.Planned
            ? SessionPlanning.DefaultDurationMinutes(Context)
            : (int)(Session.EndUtc - Session.StartUtc).TotalMinutes).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Location = Session.Location;
        VisioUrl = Session.VisioUrl;
        Agenda = SessionPlanning.ShownAgenda(Context);
    }
}
