using Benchmark.Data.Identity;
using Benchmark.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Benchmark.Web.Features.Account;

/// <summary>Sets a new password from a « mot de passe oublié » link: <c>/reinitialiser?user={userId}&amp;token={token}</c>.</summary>
[AllowAnonymous]
[CredentialAttempts("user")]
public sealed class ResetPasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : SetPasswordPageModel(users, signIn)
{
    public override string Heading => "Choisir un nouveau mot de passe";

    public override string Introduction => "Choisissez le nouveau mot de passe de votre compte : vous serez ensuite connecté(e).";

    public override string SubmitLabel => "Enregistrer le mot de passe";
}
