using System.Net;
using System.Text.RegularExpressions;
using Benchmark.Web.Features.Account;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Infrastructure;

/// <summary>
/// The application on a fresh SQLite database with the demo seeded (data and one account per role), on a real
/// loopback port when StartServer() is called (browser tests) or in memory otherwise (HTTP tests).
/// The database is a copy of one template made once per test process (migrated, demo seeded, its files), so a test
/// class starts in a fraction of a second instead of migrating and seeding; start-up still runs as usual on the copy
/// (migrate and seed find nothing to do).
/// </summary>
public sealed partial class BenchmarkApp : WebApplicationFactory<Program>
{
    private static readonly Lazy<string> Template = new(
        () => Task.Run(BuildTemplateAsync).GetAwaiter().GetResult(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("benchmark-app-").FullName;
    private readonly bool _fromTemplate;

    public BenchmarkApp()
        : this(fromTemplate: true)
    {
    }

    private BenchmarkApp(bool fromTemplate) => _fromTemplate = fromTemplate;

    public const string Password = DemoAccounts.DefaultPassword;

    public string DataDirectory => _dataDirectory;

    /// <summary>Settings applied after the defaults below (e.g. SMTP pointed at maildev); set them before the first use.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal);

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        if (_fromTemplate && Settings.GetValueOrDefault("Demo:SeedOnStart") != "false" && !Settings.ContainsKey("ConnectionStrings:Default")
            && !File.Exists(Path.Combine(_dataDirectory, DatabaseFile)))
        {
            CopyDirectory(Template.Value, _dataDirectory);
        }

        builder.UseSetting("App:DataDirectory", _dataDirectory);
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(_dataDirectory, DatabaseFile)}");
        builder.UseSetting("Demo:SeedOnStart", "true");
        builder.UseSetting("Demo:Password", Password);

        // The demo's first sessions are not scheduled: tests start from an empty outbox (DemoSessionsTests turn it on).
        builder.UseSetting("Demo:ScheduleSessions", "false");

        // Tests sign the same demo accounts in many times a minute, all from one address (or none in memory): the
        // production limits stay the defaults, a rate limit test sets its own low ones through Settings.
        builder.UseSetting("RateLimits:PerAddressPermits", "1000000");
        builder.UseSetting("RateLimits:PerAccountPermits", "1000000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client that does not follow redirects, so tests see 302/404 as they are.</summary>
    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in as a demo account (cookie kept by the client).</summary>
    public async Task<HttpClient> SignedInAsync(string email)
    {
        var client = Client();
        await SignInAsync(client, email);
        return client;
    }

    /// <summary>Signs a client that keeps cookies in as a demo account (e.g. a client of a derived factory).</summary>
    public static async Task SignInAsync(HttpClient client, string email)
    {
        var response = await PostFormAsync(client, "/connexion", new Dictionary<string, string> { ["Email"] = email, ["Password"] = Password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
        }
    }

    /// <summary>Fetches the form page for its anti-forgery token, then posts the fields with it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, IDictionary<string, string> fields, string? formPage = null)
    {
        var page = await client.GetStringAsync(new Uri(formPage ?? path, UriKind.Relative));
        var token = AntiforgeryToken(page);
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    public static string AntiforgeryToken(string html) =>
        TokenRegex().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value)
        : throw new InvalidOperationException("No anti-forgery token in the page");

    /// <summary>Runs code with the application's services (a scope), e.g. to read the database.</summary>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by the OS is left in the temp folder.
            }
        }
    }

    private const string DatabaseFile = "benchmark.db";

    /// <summary>Starts the application once on an empty folder (migrate, seed, demo accounts and their files) and keeps a copy.</summary>
    private static async Task<string> BuildTemplateAsync()
    {
        var template = Directory.CreateTempSubdirectory("benchmark-template-").FullName;
        using (var app = new BenchmarkApp(fromTemplate: false))
        {
            app.Settings["Jobs:Enabled"] = "false";
            app.Settings["Mail:DispatchIntervalSeconds"] = "0";
            _ = app.Services;
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, DatabaseFile)}");
            await connection.OpenAsync();
            await using var vacuum = connection.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $target";
            vacuum.Parameters.AddWithValue("$target", Path.Combine(template, DatabaseFile));
            await vacuum.ExecuteNonQueryAsync();
            var files = Path.Combine(app.DataDirectory, "files");
            if (Directory.Exists(files))
            {
                CopyDirectory(files, Path.Combine(template, "files"));
            }
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(template, recursive: true);
            }
            catch (IOException)
            {
                // Left in the temp folder.
            }
        };
        return template;
    }

    internal static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: false);
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"|name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
