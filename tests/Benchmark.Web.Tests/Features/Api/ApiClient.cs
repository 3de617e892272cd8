using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Benchmark.Web.Tests.Infrastructure;

namespace Benchmark.Web.Tests.Features.Api;

/// <summary>Test helpers for the API: create a token through the page, call with it, read JSON.</summary>
internal static partial class ApiClient
{
    /// <summary>Creates a token on <c>/compte/jetons</c> with the signed-in client and returns the secret shown once.</summary>
    public static async Task<string> CreateTokenAsync(HttpClient signedIn, string name, string days = "")
    {
        var response = await BenchmarkApp.PostFormAsync(signedIn, "/compte/jetons", new Dictionary<string, string> { ["Name"] = name, ["ExpiresInDays"] = days });
        var html = await response.Content.ReadAsStringAsync();
        return SecretRegex().Match(html) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"No token in the creation page ({(int)response.StatusCode})");
    }

    /// <summary>A client with no cookie that presents the token.</summary>
    public static HttpClient WithToken(BenchmarkApp app, string token)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static IReadOnlyList<string> Strings(JsonElement array, string property) =>
        array.EnumerateArray().Select(e => e.GetProperty(property).GetString() ?? "").ToList();

    [GeneratedRegex("id=\"jeton-secret\"[^>]*value=\"(bm_[A-Za-z0-9_-]+)\"")]
    private static partial Regex SecretRegex();
}
