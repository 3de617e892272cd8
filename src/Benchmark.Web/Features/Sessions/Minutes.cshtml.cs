using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Web.Infrastructure.Pages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Benchmark.Web.Features.Sessions;

/// <summary>The consultant records attendance and the minutes of a session that has started (it becomes held).</summary>
public sealed class MinutesModel(BenchmarkDbContext db, SessionContextLoader loader, SessionMinutes minutes, TimeProvider clock) : PageModel
{
    public SessionContext Context { get; private set; } = null!;

    public string? Alert { get; private set; }

    public bool TooEarly { get; private set; }

    /// <summary>Only a scheduled (then held) session has minutes; a planned or cancelled one shows why not.</summary>
    public bool HasMinutes => Context.Session.Status is SessionStatus.Scheduled or SessionStatus.Held;

    [BindProperty]
    public string? Minutes { get; set; }

    [BindProperty]
    public List<AttendanceInput> Attendance { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(sessionId, cancellationToken))
        {
            return NotFound();
        }

        var record = await SessionRecord.LoadAsync(db, Context, cancellationToken);
        Minutes = Context.Session.Minutes;
        Attendance = [.. Context.Participants.Select(p => new AttendanceInput
        {
            Email = p.Email,
            Status = record.Attendance.FirstOrDefault(a => a.Email == p.Key) is { } a ? AttendanceInput.Value(a.Status) : null,
        })];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(sessionId, cancellationToken))
        {
            return NotFound();
        }

        var result = await minutes.RecordAsync(Context, Minutes, Attendance, cancellationToken);
        if (!result.IsSuccess)
        {
            Alert = this.Refuse(result.Error!);
            return Page();
        }

        TempData["Succes"] = "Le compte rendu et les présences sont enregistrés ; la séance est tenue.";
        return Redirect($"/seances/{sessionId}");
    }

    public string? StatusOf(Participant participant) =>
        Attendance.FirstOrDefault(a => a.Email is not null && SessionParticipant.Normalise(a.Email) == participant.Key)?.Status;

    private async Task<bool> LoadAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var context = await loader.LoadAsync(sessionId, cancellationToken);
        if (context is null || !context.CanEdit)
        {
            return false;
        }

        Context = context;
        TooEarly = clock.GetUtcNow() < context.Session.StartUtc;
        return true;
    }
}
