using System.Globalization;
using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Benchmark.E2E.Infrastructure;

/// <summary>axe-core on the page as it is now; fails with each violation's id, impact, target selectors and help.</summary>
public static class Accessibility
{
    public static async Task AssertNoViolationAsync(IPage page)
    {
        var result = await page.RunAxe();
        if (result.Violations.Length == 0)
        {
            return;
        }

        var report = new StringBuilder().Append(CultureInfo.InvariantCulture, $"axe-core: {result.Violations.Length} violation(s) on {page.Url}");
        foreach (var violation in result.Violations)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"\n- {violation.Id} ({violation.Impact}): {violation.Help} — {violation.HelpUrl}");
            foreach (var node in violation.Nodes)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"    {node.Target}  {node.Html}");
            }
        }

        Assert.Fail(report.ToString());
    }
}
