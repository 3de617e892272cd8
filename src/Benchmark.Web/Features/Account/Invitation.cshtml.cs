using Benchmark.Data.Identity;
using Benchmark.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Benchmark.Web.Features.Account;

/// <summary>Activates an invited account: <c>/invitation?user={userId}&amp;token={token}</c> (see <see cref="PasswordLinks"/>).</summary>
[AllowAnonymous]
[CredentialAttempts("user")]
public sealed class InvitationModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : SetPasswordPageModel(users, signIn)
{
    public override string Heading => "Activer votre compte";

    public override string Introduction => "Bienvenue sur Benchmark. Choisissez le mot de passe de votre compte : vous serez ensuite connecté(e).";

    public override string SubmitLabel => "Activer mon compte";
}
