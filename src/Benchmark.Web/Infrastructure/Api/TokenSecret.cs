using System.Security.Cryptography;
using System.Text;

namespace Benchmark.Web.Infrastructure.Api;

/// <summary>
/// A personal access token: <c>bm_</c> followed by 32 random bytes (base64url). Only its SHA-256 is stored, so a
/// database leak yields no usable token; the prefix lets the owner tell tokens apart.
/// </summary>
public static class TokenSecret
{
    public const string Marker = "bm_";

    public const int PrefixLength = 10;

    public static string Generate() => Marker + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string PrefixOf(string token) => token[..Math.Min(PrefixLength, token.Length)];

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
