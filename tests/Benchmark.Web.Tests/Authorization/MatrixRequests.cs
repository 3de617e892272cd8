using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Benchmark.Web.Tests.Authorization;

/// <summary>How the matrix builds its requests (route values, anti-forgery token) and reads the answers.</summary>
internal static class MatrixRequests
{
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Route values: the swapped parameters get the forbidden object, the others one the account may see.</summary>
    public static Dictionary<string, string> Values(Dictionary<string, MatrixObject> forbidden, Dictionary<string, MatrixObject> visible, IEnumerable<string> swapped)
    {
        var values = AuthorizationMatrixTests.OpaqueParameters.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        foreach (var kind in AuthorizationMatrixTests.ScopedIds)
        {
            values[kind] = (visible.TryGetValue(kind, out var mine) ? mine : forbidden[kind]).Id.ToString();
        }

        foreach (var kind in swapped)
        {
            values[kind] = forbidden[kind].Id.ToString();
        }

        return values;
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, EndpointCall call, IReadOnlyDictionary<string, string> values, string? antiforgeryToken)
    {
        using var request = new HttpRequestMessage(new HttpMethod(call.Method), new Uri(call.Url(values), UriKind.Relative));
        if (call.Method != "GET")
        {
            request.Content = new FormUrlEncodedContent(antiforgeryToken is null ? [] : [new("__RequestVerificationToken", antiforgeryToken)]);
            if (antiforgeryToken is not null)
            {
                request.Headers.Add("RequestVerificationToken", antiforgeryToken);
            }
        }

        return await client.SendAsync(request);
    }

    public static bool IsRoleDenial(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/acces-refuse", StringComparison.Ordinal) == true);

    /// <summary>JSON as people would read it (« é », not \u00E9), so the same markers work on pages and API answers.</summary>
    public static string Readable(string body)
    {
        if (body.Length == 0 || body[0] is not ('{' or '['))
        {
            return body;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            return JsonSerializer.Serialize(json.RootElement, Unescaped);
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
