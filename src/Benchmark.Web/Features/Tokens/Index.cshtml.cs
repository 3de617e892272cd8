using Benchmark.Data;
using Benchmark.Data.Identity;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Infrastructure.Api;
using Benchmark.Web.Infrastructure.Pages;
using Benchmark.Web.Infrastructure.Security;
using Benchmark.Web.Pipeline;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Tokens;

/// <summary>
/// « Jetons d'accès » : the signed-in person's personal access tokens for the API. A new token is shown once, on the
/// response to its creation; only its SHA-256 is stored. The token saves through <see cref="UnitOfWork"/>: on a conflict
/// nothing is stored, no secret is shown, and the form keeps what was typed (409).
/// </summary>
[CredentialAttempts]
public sealed class IndexModel(BenchmarkDbContext db, CurrentUser me, UnitOfWork unit, TimeProvider clock) : PageModel
{
    public const int MaxNameLength = 200;

    public const int MaxDays = 365;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? ExpiresInDays { get; set; }

    [BindProperty(SupportsGet = true, Name = "revoque")]
    public Guid? Revoked { get; set; }

    public IReadOnlyList<PersonalAccessToken> Tokens { get; private set; } = [];

    public string? NameError { get; private set; }

    public string? DaysError { get; private set; }

    /// <summary>The secret of the token just created: shown in this response only.</summary>
    public string? CreatedSecret { get; private set; }

    public string? RevokedName { get; private set; }

    /// <summary>Why nothing was saved (a conflict).</summary>
    public string? Alert { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        RevokedName = Revoked is { } id ? Tokens.FirstOrDefault(t => t.Id == id && t.RevokedAt is not null)?.Name : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var name = Name?.Trim() ?? "";
        NameError = name.Length switch
        {
            0 => "Donnez un nom au jeton (par exemple l'outil qui l'utilisera).",
            > MaxNameLength => $"Le nom ne doit pas dépasser {MaxNameLength} caractères.",
            _ => null,
        };
        int? days = null;
        if (!string.IsNullOrWhiteSpace(ExpiresInDays))
        {
            if (int.TryParse(ExpiresInDays.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= MaxDays)
            {
                days = d;
            }
            else
            {
                DaysError = $"Indiquez un nombre entier de jours entre 1 et {MaxDays}, ou laissez vide pour un jeton sans expiration.";
            }
        }

        if (NameError is not null || DaysError is not null)
        {
            await LoadAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var now = clock.GetUtcNow();
        var secret = TokenSecret.Generate();
        var token = new PersonalAccessToken
        {
            Id = Guid.CreateVersion7(), UserId = me.Id, Name = name, Prefix = TokenSecret.PrefixOf(secret), Hash = TokenSecret.Hash(secret),
            CreatedAt = now, ExpiresAt = days is { } n ? now.AddDays(n) : null,
        };
        db.PersonalAccessTokens.Add(token);
        var saved = await unit.SaveAsync(secret, new CommandName("token.create", me.Name, token.Id), null, cancellationToken);
        if (!saved.IsSuccess)
        {
            Alert = this.Refuse(saved.Error!);
            await LoadAsync(cancellationToken);
            return Page();
        }

        CreatedSecret = saved.Value;
        (Name, ExpiresInDays) = (null, null);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        var mine = await db.PersonalAccessTokens.AsNoTracking().Where(t => t.UserId == me.Id).ToListAsync(cancellationToken);
        Tokens = mine.OrderByDescending(t => t.CreatedAt).ToList();
    }
}
