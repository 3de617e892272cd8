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

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, BrowserFixture> Running = new();

    private readonly BenchmarkApp _app = new();
    private readonly List<IBrowserContext> _contexts = [];
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

        Running[GetType()] = this;
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
        lock (_contexts)
        {
            _contexts.Add(context);
        }

        return await context.NewPageAsync();
    }

    /// <summary>
    /// Closes the pages the test just finished opened: left open, every page of every test kept running its scripts
    /// (htmx, charts) in its own renderer until the collection ended — 80 Chromium processes by the end of a run.
    /// </summary>
    internal static void CloseTestPages(Type fixture)
    {
        if (!Running.TryGetValue(fixture, out var running))
        {
            return;
        }

        List<IBrowserContext> open;
        lock (running._contexts)
        {
            open = [.. running._contexts];
            running._contexts.Clear();
        }

        // After-test hooks are synchronous; closing on the thread pool keeps xunit's context out of Playwright's awaits.
        Task.Run(() => Task.WhenAll(open.Select(c => c.CloseAsync()))).GetAwaiter().GetResult();
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
[ClosePagesAfterTest(typeof(BrowserFixture))]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Navigateur";
}

/// <summary>
/// On a collection definition: after each test of the collection, its fixture closes the browser contexts that test
/// opened (the tests of one collection run one after the other, so they are all the finished test's).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ClosePagesAfterTestAttribute(Type fixture) : Xunit.Sdk.BeforeAfterTestAttribute
{
    public Type Fixture { get; } = fixture;

    public override void After(System.Reflection.MethodInfo methodUnderTest) => BrowserFixture.CloseTestPages(Fixture);
}

/// <summary>
/// The whole-programme walks: their own application and browser, so the long walks (two thirds of the browser tests'
/// time) run beside the other journeys instead of after them, and their gate passages touch no other test's data.
/// </summary>
public sealed class WalkBrowserFixture : BrowserFixture;

[CollectionDefinition(Name)]
[ClosePagesAfterTest(typeof(WalkBrowserFixture))]
public sealed class WalkBrowserTestGroup : ICollectionFixture<WalkBrowserFixture>
{
    public const string Name = "Navigateur — programmes complets";
}
