using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using MimeKit;

namespace Benchmark.Web.Tests.Infrastructure.Mail;

/// <summary>
/// The maildev SMTP server of the test run (scripts/test.sh starts it: <c>BENCHMARK_TEST_MAILDEV_SMTP</c> = host:port,
/// <c>BENCHMARK_TEST_MAILDEV_API</c> = its REST URL), read through its REST API. Tests share it with others running at
/// the same time (other classes, the browser tests), so they never delete mail: they look up theirs by Message-ID
/// or by a recipient address of their own.
/// </summary>
public sealed class Maildev : IDisposable
{
    public const string SmtpVariable = "BENCHMARK_TEST_MAILDEV_SMTP";

    public const string ApiVariable = "BENCHMARK_TEST_MAILDEV_API";

    private readonly HttpClient _http;

    public Maildev(Uri api, int smtpPort)
    {
        _http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(30) };
        SmtpPort = smtpPort;
    }

    public static bool IsConfigured =>
        !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(SmtpVariable)) && !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ApiVariable));

    /// <summary>Why tests against maildev are skipped here, or null when they run (always under <c>CI=true</c>, where a missing server fails them).</summary>
    public static string? SkipReason => IsConfigured || PostgresFixture.IsCi
        ? null
        : $"Real SMTP test: {SmtpVariable} and {ApiVariable} are not set. Run `bash scripts/test.sh` (starts maildev when npm is installed) " +
          "or start one with `eval \"$(bash scripts/maildev.sh start)\"` and set both variables.";

    /// <summary>The shared server; throws the reason when it is not configured (e.g. under CI without maildev).</summary>
    public static Maildev Shared()
    {
        if (!IsConfigured)
        {
            throw new InvalidOperationException(SkipReason ?? $"{SmtpVariable} and {ApiVariable} must be set: scripts/test.sh starts maildev and sets them.");
        }

        var smtp = Environment.GetEnvironmentVariable(SmtpVariable)!.Trim();
        var port = int.Parse(smtp[(smtp.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
        return new Maildev(new Uri(Environment.GetEnvironmentVariable(ApiVariable)!.Trim().TrimEnd('/') + "/"), port);
    }

    public int SmtpPort { get; }

    public Uri Api => _http.BaseAddress!;

    /// <summary>The application's settings to send through this server (no TLS, no authentication).</summary>
    public IReadOnlyDictionary<string, string?> SmtpSettings() => new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = SmtpPort.ToString(CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
    };

    /// <summary>
    /// The application (fresh SQLite, demo seeded) sending through this server; nothing sends in the background (no
    /// dispatch timer, no Hangfire server): the test calls the dispatcher, so it knows when mail leaves.
    /// </summary>
    public BenchmarkApp NewApp()
    {
        var app = new BenchmarkApp();
        foreach (var (key, value) in SmtpSettings())
        {
            app.Settings[key] = value;
        }

        app.Settings["Mail:DispatchIntervalSeconds"] = "0";
        app.Settings["Jobs:Enabled"] = "false";
        return app;
    }

    /// <summary>Every message received for an address (maildev's <c>to.address</c> filter).</summary>
    public Task<List<MaildevMail>> ToAsync(string address) => QueryAsync($"api/email?to.address={Uri.EscapeDataString(address)}");

    /// <summary>Every message received with this Message-ID (a message sent twice shows twice).</summary>
    public Task<List<MaildevMail>> WithMessageIdAsync(string messageId) =>
        QueryAsync($"api/email?headers.message-id={Uri.EscapeDataString($"<{messageId.Trim('<', '>')}>")}");

    /// <summary>The raw message as received, parsed by MimeKit.</summary>
    public async Task<MimeMessage> SourceAsync(string id)
    {
        await using var stream = await _http.GetStreamAsync(new Uri($"api/email/{Uri.EscapeDataString(id)}/source", UriKind.Relative));
        var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        buffer.Position = 0;
        return await MimeMessage.LoadAsync(buffer);
    }

    /// <summary>Polls <paramref name="query"/> until it returns at least <paramref name="count"/> messages (maildev stores a message just after its 250 reply).</summary>
    public static async Task<List<MaildevMail>> WaitForAsync(Func<Task<List<MaildevMail>>> query, int count, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var mails = await query();
            if (mails.Count >= count || watch.Elapsed > limit)
            {
                return mails;
            }

            await Task.Delay(100);
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<List<MaildevMail>> QueryAsync(string path) =>
        await _http.GetFromJsonAsync<List<MaildevMail>>(new Uri(path, UriKind.Relative)) ?? [];
}

/// <summary>A message as maildev's REST API lists it (the fields the tests read).</summary>
public sealed record MaildevMail(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("subject")] string? Subject,
    [property: JsonPropertyName("to")] IReadOnlyList<MaildevAddress> To,
    [property: JsonPropertyName("headers")] IReadOnlyDictionary<string, object?>? Headers,
    [property: JsonPropertyName("attachments")] IReadOnlyList<MaildevAttachment>? Attachments);

public sealed record MaildevAddress([property: JsonPropertyName("address")] string Address, [property: JsonPropertyName("name")] string? Name);

public sealed record MaildevAttachment(
    [property: JsonPropertyName("contentType")] string ContentType,
    [property: JsonPropertyName("generatedFileName")] string? GeneratedFileName,
    [property: JsonPropertyName("filename")] string? FileName);

/// <summary>A test against the maildev server: skipped without it on a developer machine, never under <c>CI=true</c>.</summary>
public sealed class MaildevFactAttribute : FactAttribute
{
    public MaildevFactAttribute() => Skip = Maildev.SkipReason;
}

/// <summary>A test against maildev and PostgreSQL: skipped when either is missing on a developer machine, never under <c>CI=true</c>.</summary>
public sealed class MaildevPostgresFactAttribute : FactAttribute
{
    public MaildevPostgresFactAttribute() => Skip = Maildev.SkipReason ?? new PostgresFactAttribute().Skip;
}
