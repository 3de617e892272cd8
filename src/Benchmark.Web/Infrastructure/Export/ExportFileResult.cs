using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Benchmark.Web.Infrastructure.Export;

/// <summary>
/// A download written straight into the response body (Razor page handlers and minimal APIs alike), so an export
/// is never held whole in memory.
/// </summary>
public sealed class ExportFileResult(string fileName, string contentType, Func<Stream, CancellationToken, Task> write) : IActionResult, IResult
{
    /// <summary>The name the browser saves the file under.</summary>
    public string FileName { get; } = fileName;

    /// <summary>The MIME type sent.</summary>
    public string ContentType { get; } = contentType;

    /// <inheritdoc />
    public Task ExecuteResultAsync(ActionContext context) => ExecuteAsync(context.HttpContext);

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.ContentType = ContentType;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(FileName);
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.XContentTypeOptions = "nosniff";
        await write(response.Body, httpContext.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Writes the file into <paramref name="output"/> (for tests and jobs).</summary>
    public Task WriteToAsync(Stream output, CancellationToken cancellationToken = default) => write(output, cancellationToken);
}
