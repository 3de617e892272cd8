using Benchmark.E2E.Infrastructure;
using Xunit.Sdk;

namespace Benchmark.E2E.Features.Shared;

/// <summary>The axe-core check itself: a page with a known violation fails with its id, impact, selector and help.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AccessibilityCheckTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task AssertNoViolation_WhenImageHasNoAlternative_ThenFailsNamingRuleAndSelector()
    {
        var page = await browser.NewPageAsync();
        await page.SetContentAsync("""
            <!doctype html><html lang="fr"><head><title>Essai</title></head>
            <body><main><h1>Essai</h1><img id="sans-alt" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>
            """);

        var failure = await Assert.ThrowsAsync<FailException>(() => Accessibility.AssertNoViolationAsync(page));

        Assert.Contains("image-alt (critical)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#sans-alt", failure.Message, StringComparison.Ordinal);
        Assert.Contains("https://dequeuniversity.com/rules/axe/", failure.Message, StringComparison.Ordinal);
    }
}
