namespace Benchmark.Web.Infrastructure.Security;

/// <summary>Security headers on every response: no framing, no sniffing, a strict same-origin content policy.</summary>
internal static class SecurityHeaders
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    /// <remarks>
    /// Written as the response starts rather than as the request comes in: the exception handler clears a failed
    /// response's headers before it writes the error answer, and that answer needs them too.
    /// </remarks>
    /// <summary>
    /// What no browser, proxy or shared computer may keep: API answers, downloads and exports (a file sent as an
    /// attachment: deliverables, CSV/XLSX exports, grid templates) and calendar feeds, all of them one person's or one
    /// establishment's data.
    /// </summary>
    internal static bool IsPersonalData(HttpContext context)
    {
        var response = context.Response;
        return context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || response.Headers.ContentDisposition.Count > 0
            || (response.ContentType?.StartsWith("text/calendar", StringComparison.OrdinalIgnoreCase) ?? false);
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var response = context.Response;
        response.OnStarting(() =>
        {
            var headers = response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (IsPersonalData(context))
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }

            return Task.CompletedTask;
        });
        return next(context);
    });
}
