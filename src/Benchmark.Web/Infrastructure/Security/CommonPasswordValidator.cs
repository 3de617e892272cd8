using System.Reflection;
using Benchmark.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace Benchmark.Web.Infrastructure.Security;

/// <summary>
/// Refuses passwords found in breach corpora (embedded list <c>common-passwords.txt</c>, compared case-insensitively
/// and ignoring trailing digits and punctuation, so "Motdepasse2024!" counts as "motdepasse").
/// </summary>
internal sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
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
        return Task.FromResult(refused
            ? IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = "Ce mot de passe figure parmi les mots de passe les plus courants ou reprend votre adresse : choisissez une phrase de passe personnelle." })
            : IdentityResult.Success);
    }

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
