using System.Net.Http.Json;
using System.Text.Json;

namespace Benchmark.Bench;

/// <summary>maildev's REST API (v3, under /api): how many messages it holds, their Message-IDs, clearing it.</summary>
internal sealed class Maildev(Uri api) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = api, Timeout = TimeSpan.FromMinutes(2) };

    public async Task ClearAsync()
    {
        using var response = await _http.DeleteAsync(new Uri("api/email/all", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        if (await CountAsync() != 0)
        {
            throw new InvalidOperationException("maildev still holds messages after DELETE /api/email/all");
        }
    }

    /// <summary>How many messages maildev holds (its summary's total: cheap enough to poll).</summary>
    public async Task<int> CountAsync()
    {
        using var summary = await _http.GetFromJsonAsync<JsonDocument>(new Uri("api/email/summary?limit=1", UriKind.Relative))
            ?? throw new InvalidOperationException("maildev answered nothing");
        return summary.RootElement.GetProperty("total").GetInt32();
    }

    /// <summary>The Message-ID header of every message received (one entry per message, duplicates included).</summary>
    public async Task<IReadOnlyList<string>> MessageIdsAsync()
    {
        using var document = await _http.GetFromJsonAsync<JsonDocument>(new Uri("api/email", UriKind.Relative))
            ?? throw new InvalidOperationException("maildev answered nothing");
        return document.RootElement.EnumerateArray()
            .Select(m => m.TryGetProperty("headers", out var headers) && headers.TryGetProperty("message-id", out var id) ? id.GetString() ?? "" : "")
            .Select(id => id.Trim().TrimStart('<').TrimEnd('>'))
            .ToList();
    }

    /// <summary>Waits until maildev holds <paramref name="expected"/> messages (it stores them after the SMTP reply); returns the count reached.</summary>
    public async Task<int> WaitForAsync(int expected, TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        var count = await CountAsync();
        while (count < expected && Environment.TickCount64 < deadline)
        {
            await Task.Delay(100);
            count = await CountAsync();
        }

        return count;
    }

    public void Dispose() => _http.Dispose();
}
