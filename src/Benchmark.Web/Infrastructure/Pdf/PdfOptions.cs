using System.ComponentModel.DataAnnotations;

namespace Benchmark.Web.Infrastructure.Pdf;

/// <summary>
/// How pages become PDF files (section <c>Pdf</c>): headless Chromium prints the page the user sees. Without Chromium
/// at <see cref="ChromiumPath"/>, the « Télécharger en PDF » link opens the print view instead.
/// </summary>
public sealed class PdfOptions
{
    public const string Section = "Pdf";

    /// <summary>The Chromium (or Chrome) executable; absent → print view.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>
    /// Where Chromium, on this machine, reaches this application (e.g. <c>http://127.0.0.1:5000</c>); empty: the
    /// first plain-HTTP address the server listens on. Never the public URL: the request must not leave the machine.
    /// </summary>
    public string InternalBaseUrl { get; set; } = "";

    /// <summary>How long a rendering may take before it is abandoned (then the print view).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
