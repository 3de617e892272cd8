using Benchmark.Web.Infrastructure.Api;
using Microsoft.AspNetCore.Authorization;

namespace Benchmark.Web.Features.Errors;

/// <summary>
/// One way to answer errors. Under <c>/api</c>, Problem Details (<see cref="ApiProblems"/>); everywhere else, the
/// French error page <c>/erreur/{code}</c> in the site's layout. Both cover an error status with no body (a 404 from
/// routing, a handler's <c>NotFound()</c>, a 403) and, outside Development (which keeps the developer page), an
/// exception.
/// </summary>
internal static class ErrorsSetup
{
    public const string PagePath = "/erreur";

    public static IServiceCollection AddErrorAnswers(this IServiceCollection services)
    {
        services.AddProblemDetails(o =>
            o.CustomizeProblemDetails = context => ApiProblems.Describe(context.ProblemDetails));
        services.AddExceptionHandler<UnhandledExceptions>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, UnmatchedPathsAreNotFound>();
        return services;
    }

    /// <summary>Goes after the request log (which then records the final status once) and before routing.</summary>
    public static WebApplication UseErrorAnswers(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = PagePath + "/500",

                // Fresh services for the error page: a scoped service the exception left half-way must not fail it too.
                CreateScopeForErrors = true,

                // UnhandledExceptions logs each exception once, with the user; the middleware would log it again.
                SuppressDiagnosticsCallback = _ => true,
            });
        }

        app.UseWhen(http => ApiProblems.IsApi(http.Request.Path), api => api.UseStatusCodePages(context =>
            ApiProblems.WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode)));
        app.UseWhen(http => !ApiProblems.IsApi(http.Request.Path), pages =>
            pages.UseStatusCodePagesWithReExecute(PagePath + "/{0}"));
        return app;
    }
}
