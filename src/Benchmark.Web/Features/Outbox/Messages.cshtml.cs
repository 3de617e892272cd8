using System.Globalization;
using Benchmark.Core.Domain;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Infrastructure.Pages;
using Benchmark.Web.Pipeline;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Outbox;

/// <summary>
/// « Messages en échec » (ArsAdmin only; 404 for anyone else): outbox messages that failed for good, and those still
/// pending after an attempt or for longer than <see cref="LongPending"/>, with their attempts and last error.
/// « Renvoyer » puts a failed message back in the queue (<see cref="OutboxMessage.Resend"/>): one more attempt, the same
/// Message-ID; the action is audited. The resend saves through <see cref="UnitOfWork"/>: when the message changed meanwhile
/// (another administrator resent it, or the dispatcher took it), nothing is saved and the page says so (409).
/// </summary>
public sealed class MessagesModel(BenchmarkDbContext db, CurrentUser me, UnitOfWork unit, TimeProvider clock) : PageModel
{
    public const string Conflict =
        "Ce message vient d'être modifié par ailleurs (renvoyé par un autre administrateur ou pris par l'envoi) : il n'a pas été renvoyé une seconde fois. Vérifiez son état ci-dessous.";

    public const int Limit = 200;

    /// <summary>A message waiting this long without a single attempt is shown too (the dispatcher may be stopped).</summary>
    public static readonly TimeSpan LongPending = TimeSpan.FromMinutes(15);

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public IReadOnlyList<OutboxMessage> Messages { get; private set; } = [];

    public int FailedCount { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!me.IsArsAdmin)
        {
            return NotFound();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostResendAsync(Guid? messageId, CancellationToken cancellationToken)
    {
        if (!me.IsArsAdmin)
        {
            return NotFound();
        }

        var message = messageId is { } id ? await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == id, cancellationToken) : null;
        if (message is null)
        {
            return NotFound();
        }

        var now = clock.GetUtcNow();
        var before = string.Create(CultureInfo.InvariantCulture, $"{message.Status}, {message.Attempts} tentative(s) : {message.LastError}");
        if (!message.Resend(now))
        {
            Error = $"Le message à {message.Recipient} n'est pas en échec (état : {StatusLabel(message.Status)}) : il n'a pas été renvoyé.";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await LoadAsync(cancellationToken);
            return Page();
        }

        db.AuditEvents.Add(new AuditEvent(now, me.Name, null, null, "outbox.resend", Truncate($"{message.Recipient} — {message.Subject}", 400), Truncate(before, 1000), "Pending"));
        var saved = await unit.SaveAsync(true, new CommandName("outbox.resend", me.Name, message.Id),
            _ => Task.FromResult(Core.Common.Error.Conflict(Conflict)), cancellationToken);
        if (!saved.IsSuccess)
        {
            Error = this.Refuse(saved.Error!);
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["Succes"] = $"Le message « {message.Subject} » à {message.Recipient} est remis en file d'envoi : il part à la prochaine tournée.";
        return RedirectToPage();
    }

    public static string Time(DateTimeOffset? instant) =>
        instant is { } i ? ParisTime.ToParis(i).ToString("dd/MM/yyyy HH:mm", French) : "—";

    public static string StatusLabel(OutboxStatus status) => status switch
    {
        OutboxStatus.Pending => "En attente",
        OutboxStatus.Sent => "Envoyé",
        OutboxStatus.Failed => "En échec",
    };

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var stale = clock.GetUtcNow() - LongPending;
        var query = db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Failed || (m.Status == OutboxStatus.Pending && (m.Attempts > 0 || m.CreatedAt < stale)));
        FailedCount = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Failed, cancellationToken);
        Messages = await query.OrderByDescending(m => m.CreatedAt).ThenBy(m => m.Id).Take(Limit).ToListAsync(cancellationToken);
    }

    private static string Truncate(string value, int length) => value.Length > length ? value[..length] : value;
}
