using System.Reflection;
using Benchmark.Data.Identity;
using Benchmark.Web.Features.Account;
using Microsoft.AspNetCore.Identity;

namespace Benchmark.Web.Infrastructure.Security;

/// <summary>
/// Refuses passwords found in breach corpora (embedded list <c>common-passwords.txt</c>, compared case-insensitively
/// and ignoring trailing digits and punctuation, so "Motdepasse2024!" counts as "motdepasse"), keyboard walks
/// (<see cref="KeyboardWalks"/>), and the demo accounts' password — published in the README — on any other account.
/// </summary>
internal sealed class CommonPasswordValidator(IConfiguration configuration) : IPasswordValidator<AppUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var lowered = password.ToLowerInvariant();
        var stem = lowered.TrimEnd("0123456789!?.-_*@#$%&+= ".ToCharArray());
        var refused = Common.Value.Contains(lowered) || Common.Value.Contains(stem)
            || (user.Email is { Length: > 0 } email && lowered.Contains(email.Split('@')[0].ToLowerInvariant(), StringComparison.Ordinal) && email.Split('@')[0].Length >= 4);
        if (refused)
        {
            return Failed("CommonPassword", "Ce mot de passe figure parmi les mots de passe les plus courants ou reprend votre adresse : choisissez une phrase de passe personnelle.");
        }

        if (KeyboardWalks.IsWalk(password))
        {
            return Failed("KeyboardWalk", "Ce mot de passe suit des touches voisines du clavier ou une suite connue (azerty, qwerty, 123456…) : choisissez une phrase de passe personnelle.");
        }

        var demo = new[] { DemoAccounts.DefaultPassword, configuration["Demo:Password"] }.OfType<string>().Select(p => p.ToLowerInvariant());
        var demoAccount = DemoAccounts.All.Any(a => string.Equals(a.Email, user.Email, StringComparison.OrdinalIgnoreCase));
        return !demoAccount && demo.Any(p => p == lowered || p.TrimEnd("0123456789!?.-_*@#$%&+= ".ToCharArray()) == stem)
            ? Failed("DemoPassword", "Ce mot de passe est celui, publié, des comptes de démonstration : choisissez-en un autre.")
            : Task.FromResult(IdentityResult.Success);
    }

    private static Task<IdentityResult> Failed(string code, string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Benchmark.Web.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                set.Add(line.Trim().ToLowerInvariant());
            }
        }

        return set;
    }
}
