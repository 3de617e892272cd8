using System.Security.Claims;
using Benchmark.Web.Infrastructure.Api;
using Microsoft.AspNetCore.Diagnostics;

namespace Benchmark.Web.Features.Errors;

/// <summary>
/// Each unhandled exception is logged here, once, with the request and the signed-in user. An API caller then gets a
/// 500 problem; for a person this answers "not handled" and the middleware re-executes the error page.
/// </summary>
internal sealed partial class UnhandledExceptions(ILogger<UnhandledExceptions> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(
        HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed the request at the error page: the path that failed is in its feature.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? "/";
        var userId = httpContext.User.FindFirstValue(ClaimTypes.NameIdentifier);
        LogUnhandled(logger, exception, httpContext.Request.Method, path, userId);
        if (!ApiProblems.IsApi(path))
        {
            return false;
        }

        await ApiProblems.WriteAsync(httpContext, StatusCodes.Status500InternalServerError);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Exception non gérée sur {RequestMethod} {RequestPath} (utilisateur {UserId})")]
    private static partial void LogUnhandled(
        ILogger logger, Exception exception, string requestMethod, string requestPath, string? userId);
}
