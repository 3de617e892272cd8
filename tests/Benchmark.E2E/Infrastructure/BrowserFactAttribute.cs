namespace Benchmark.E2E.Infrastructure;

/// <summary>
/// A browser test: skipped on a developer machine without Chromium at <see cref="BrowserFixture.ChromiumPath"/>;
/// never skipped under <c>CI=true</c>, where the fixture then fails with the reason, so CI proves the browser tests ran.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute() => Skip = BrowserFixture.SkipReason;
}

/// <inheritdoc cref="BrowserFactAttribute"/>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute() => Skip = BrowserFixture.SkipReason;
}
