namespace Benchmark.Web.Features.Account;

/// <summary>One DSFR password input with its label, hint and errors (partial <c>_PasswordField</c>).</summary>
public sealed record PasswordField(string Id, string Name, string Label, string Autocomplete, string? Hint, IReadOnlyList<string> Errors)
{
    public const string PolicyHint = "12 caractères minimum. Une phrase de passe est plus facile à retenir ; évitez les mots de passe courants.";
}
