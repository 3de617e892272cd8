using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Data.Identity;
using Benchmark.Web.Infrastructure.Mail;
using Benchmark.Web.Infrastructure.Security;
using Benchmark.Web.Pipeline;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Benchmark.Web.Features.Account;

/// <summary>
/// « Mot de passe oublié » : whatever the address, the same neutral answer (no one learns whether an account
/// exists). For an existing account a <c>password-reset</c> email is queued with a <c>/reinitialiser</c> link, at most
/// one per account every <see cref="Throttle"/> so the form cannot be used to flood a mailbox. The message is saved through
/// <see cref="UnitOfWork"/>; a request that loses a race to another one for the same account (the same idempotency key)
/// queues nothing and still gets the neutral answer: another message is on its way, and a 409 would tell that the account exists.
/// </summary>
[AllowAnonymous]
[CredentialAttempts("Email")]
public sealed class ForgotPasswordModel(
    UserManager<AppUser> users, BenchmarkDbContext db, MailOutbox outbox, UnitOfWork unit, IOptions<MailOptions> options, TimeProvider clock) : PageModel
{
    public const string Kind = "password-reset";

    public const string Acknowledgement =
        "Si un compte existe pour cette adresse, un message vient de lui être envoyé avec un lien pour choisir un nouveau mot de passe.";

    public static readonly TimeSpan Throttle = TimeSpan.FromMinutes(2);

    [BindProperty]
    public string? Email { get; set; }

    public string? EmailError { get; private set; }

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var email = Email?.Trim();
        if (string.IsNullOrEmpty(email) || !MimeKit.MailboxAddress.TryParse(email, out _) || !email.Contains('@', StringComparison.Ordinal))
        {
            EmailError = "Saisissez une adresse électronique valide, au format nom@domaine.fr.";
            return Page();
        }

        if (await users.FindByEmailAsync(email) is { Email: { } address } user && !await RecentlySentAsync(address))
        {
            var link = await PasswordLinks.ResetAsync(users, options.Value, user);
            var now = clock.GetUtcNow();
            // One key per account and throttle window: of concurrent requests, the outbox's unique key lets one message through.
            await outbox.QueueAsync(
                new PasswordResetMail(user.FullName, link, PasswordLinks.ValidDays), address, $"{Kind}:{user.Id:N}:{now.UtcTicks / Throttle.Ticks}");
            // A lost race (another message just queued for the account) answers the same: see the summary.
            _ = await unit.SaveAsync(true, new CommandName("account.password-reset", "anonyme", user.Id), null, cancellationToken);
        }

        Sent = true;
        return Page();
    }

    private Task<bool> RecentlySentAsync(string address)
    {
        var since = clock.GetUtcNow() - Throttle;
        return db.OutboxMessages.AnyAsync(m => m.Kind == Kind && m.Recipient == address && m.CreatedAt > since && m.Status != OutboxStatus.Failed);
    }
}
