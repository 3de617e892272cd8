using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Benchmark.E2E.Infrastructure;
using Benchmark.Web.Tests.Features.Indicators;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Benchmark.E2E.Features.Indicators;

/// <summary>
/// The fiche de restitution on paper: its print layout fits A4 portrait (no table cut at the edge), and « Télécharger
/// en PDF » gives the PDF that Chromium prints from the same page, for the same user only.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class FichePdfTests(BrowserFixture browser, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task Fiche_WhenPrintedOnA4_ThenTheSummaryTableFitsTheWidth()
    {
        // Arrange: A4's printable width at 96 dpi (210 mm less 2 × 10 mm margins ≈ 718 px)
        var (enrolment, _, _) = await IndicatorWorld.EnrolmentAsync(browser.App, 0);
        var page = await browser.NewPageAsync();
        await DemoUsers.SignInAsync(page, DemoUsers.Team);
        await page.GotoAsync($"/participations/{enrolment}/indicateurs/fiche");
        await Accessibility.AssertNoViolationAsync(page);

        // Act
        await page.SetViewportSizeAsync(718, 1000);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var overflow = await page.EvaluateAsync<double>(
            "() => Math.max(...[...document.querySelectorAll('table')].map(t => t.getBoundingClientRect().right)) - document.documentElement.clientWidth");
        await Artifacts.ScreenshotAsync(page, "fiche-impression-a4");

        // Assert
        Assert.True(overflow <= 0.5, $"A table passes the A4 width by {overflow} px");
        await Assertions.Expect(page.Locator("#synthese th", new() { HasText = "Sens" })).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task FichePdf_WhenTeamDownloads_ThenA4PdfOfItsFicheAndOtherTeamsNotFound()
    {
        // Arrange
        var (enrolment, _, _) = await IndicatorWorld.EnrolmentAsync(browser.App, 0);
        var page = await browser.NewPageAsync();
        await DemoUsers.SignInAsync(page, DemoUsers.Team);
        var other = await browser.NewPageAsync();
        await DemoUsers.SignInAsync(other, IndicatorWorld.Team2);
        var url = $"/participations/{enrolment}/indicateurs/fiche?handler=Pdf";

        // Act
        var watch = Stopwatch.StartNew();
        var response = await page.Context.APIRequest.GetAsync(url, new() { MaxRedirects = 0 });
        watch.Stop();
        var body = await response.BodyAsync();
        var refused = await other.Context.APIRequest.GetAsync(url, new() { MaxRedirects = 0 });

        // Assert: a PDF, A4 portrait pages, the establishment's file name; another establishment's team gets nothing
        output.WriteLine($"PDF of the fiche: {body.Length} bytes in {watch.ElapsedMilliseconds} ms (Chromium start included)");
        Assert.Equal(200, response.Status);
        Assert.Equal("application/pdf", response.Headers["content-type"]);
        Assert.Contains("fiche-restitution-", response.Headers["content-disposition"], StringComparison.Ordinal);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(body, 0, 4));
        var text = Encoding.Latin1.GetString(body);
        var pages = PageObject().Count(text);
        output.WriteLine($"{pages} page(s)");
        Assert.Equal(4, pages); // the summary then the demo's ten indicators, three or four to an A4 page, none cut

        var boxes = MediaBox().Matches(text);
        Assert.NotEmpty(boxes);
        Assert.All(boxes, m =>
        {
            Assert.InRange(double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 593, 597); // 210 mm
            Assert.InRange(double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), 840, 844); // 297 mm
        });
        Assert.Equal(404, refused.Status);
    }

    /// <summary>A page object (not the page tree, /Type /Pages) of an uncompressed PDF object table, as Chromium writes it.</summary>
    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();

    /// <summary>The page size in points: A4 portrait is 595.3 × 841.9.</summary>
    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")]
    private static partial Regex MediaBox();
}
