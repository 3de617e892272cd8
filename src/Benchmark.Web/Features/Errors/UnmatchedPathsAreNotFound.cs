using Benchmark.Web.Infrastructure.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Benchmark.Web.Features.Errors;

/// <summary>
/// An address no endpoint matches answers 404 to everyone. The fallback policy (sign-in required) also covers requests
/// with no endpoint, and would send an anonymous visitor — or an API client — to the sign-in page for a page that
/// does not exist. A path that leads nowhere protects nothing, and the route table is no secret (the API's is in its
/// OpenAPI document). The jobs dashboard is the exception: a middleware, not an endpoint, it still asks to sign in.
/// </summary>
internal sealed class UnmatchedPathsAreNotFound : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(
        RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged && context.GetEndpoint() is null
            && !context.Request.Path.StartsWithSegments(JobsSetup.DashboardPath))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
