using Benchmark.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Benchmark.E2E.Infrastructure;

/// <summary>
/// One application on a real loopback port (Kestrel, fresh SQLite database, demo seeded) and one headless Chromium,
/// shared by the tests of the <see cref="BrowserTestGroup"/>; each test opens its own browser context (own cookies).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes a fixture through IAsyncLifetime.DisposeAsync")]
public class BrowserFixture : IAsyncLifetime
{
    /// <summary>The Debian package's browser: Playwright's own browser download is never used (no `playwright install`).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Why browser tests are skipped here (no Chromium, not in CI), or null when they run.</summary>
    public static string? SkipReason { get; } =
        File.Exists(ChromiumPath) || Environment.GetEnvironmentVariable("CI") == "true"
            ? null
            : $"Browser test: no Chromium at {ChromiumPath} (apt-get install -y chromium).";

    private readonly BenchmarkApp _app = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserFixture()
    {
    }

    /// <summary>A fixture whose application gets more settings (e.g. SMTP pointed at maildev) before it starts.</summary>
    protected BrowserFixture(Action<BenchmarkApp> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(_app);
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The application under test, e.g. to read its database after a journey.</summary>
    public BenchmarkApp App => _app;

    /// <summary>Why this fixture's tests are skipped here, or null when they run.</summary>
    protected virtual string? Skip => SkipReason;

    public async Task InitializeAsync()
    {
        if (Skip is not null)
        {
            return;
        }

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Browser tests need Chromium at {ChromiumPath}: apt-get install -y chromium");
        }

        _app.UseKestrel(0);
        _app.StartServer();
        BaseUrl = _app.ClientOptions.BaseAddress;
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage",
            ],
        });
    }

    /// <summary>A new page in a new context (no cookie shared with other tests), French locale, a desktop viewport.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser!.NewContextAsync(new()
        {
            BaseURL = BaseUrl.ToString(),
            Locale = "fr-FR",
            TimezoneId = "Europe/Paris",
            ViewportSize = new() { Width = 1280, Height = 900 },
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        await _app.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Navigateur";
}
