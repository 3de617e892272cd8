namespace Benchmark.Web.Infrastructure.Security;

/// <summary>
/// Passwords typed by walking the keyboard or a well-known sequence: AZERTY and QWERTY rows and columns, digits,
/// the alphabet, one key held down. « azertyuiop12 », « 1qaz2wsx3edc », « 123456789abc » are refused although long:
/// guessing tools try them first.
/// </summary>
internal static class KeyboardWalks
{
    private static readonly string[] Sequences =
    [
        "1234567890", "abcdefghijklmnopqrstuvwxyz",
        "azertyuiop", "qsdfghjklm", "wxcvbn", "qwertyuiop", "asdfghjkl", "zxcvbnm", "qwertzuiop", "yxcvbnm",
        "1aqw", "2zsx", "3edc", "4rfv", "5tgb", "6yhn", "7uj", "8ik", "9ol", "0pm",
        "1qaz", "2wsx", "7ujm", "0p",
    ];

    /// <summary>Runs of at least this many neighbouring keys count as a walk.</summary>
    private const int Run = 3;

    /// <summary>True when walks cover three quarters or more of the password's letters and digits.</summary>
    public static bool IsWalk(string password)
    {
        var keys = new string([.. password.ToLowerInvariant().Where(char.IsLetterOrDigit)]);
        if (keys.Length == 0)
        {
            return false;
        }

        var covered = 0;
        var start = 0;
        for (var i = 1; i <= keys.Length; i++)
        {
            if (i < keys.Length && Neighbours(keys[i - 1], keys[i]))
            {
                continue;
            }

            covered += i - start >= Run ? i - start : 0;
            start = i;
        }

        return covered * 4 >= keys.Length * 3;
    }

    private static bool Neighbours(char a, char b) =>
        a == b || Sequences.Any(s => s.IndexOf(a, StringComparison.Ordinal) is >= 0 and var i
            && ((i + 1 < s.Length && s[i + 1] == b) || (i > 0 && s[i - 1] == b)));
}
