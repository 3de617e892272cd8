using System.Text.Json.Serialization;
using Benchmark.Web.Features.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Benchmark.Web.Infrastructure.Api;

/// <summary>
/// The integration API under <c>/api</c>: authenticated by a personal access token (<c>Authorization: Bearer bm_…</c>)
/// or by the same cookie as the pages, answering 401 — never a redirect to the sign-in page — when neither is valid.
/// Every error is a Problem Details answer (<see cref="ApiProblems"/>).
/// It is read-only (GET), so the cookie path needs no anti-forgery token; a state-changing endpoint must add one.
/// </summary>
internal static class ApiSetup
{
    /// <summary>The authentication scheme of the API: a bearer token when one is presented, the cookie otherwise.</summary>
    public const string Scheme = "ApiBearerOrCookie";

    public const string Policy = "Api";

    public static IServiceCollection AddBenchmarkApi(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, PersonalAccessTokenHandler>(PersonalAccessTokenHandler.SchemeName, null)
            .AddPolicyScheme(Scheme, "Jeton d'accès personnel ou session", o =>
            {
                o.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? PersonalAccessTokenHandler.SchemeName
                        : Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme;

                // Challenges and refusals go to the token handler: 401/403 with no redirect, even for a cookie caller.
                o.ForwardChallenge = PersonalAccessTokenHandler.SchemeName;
                o.ForwardForbid = PersonalAccessTokenHandler.SchemeName;
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddBenchmarkOpenApi();
        services.AddScoped<Definitions>();
        services.AddSingleton<TokenFailures>();
        return services;
    }

    public static WebApplication MapBenchmarkApi(this WebApplication app)
    {
        // The contract is public (no data in it): integrators generate clients before they hold a token.
        app.MapOpenApi().AllowAnonymous();
        var api = app.MapGroup(ApiProblems.Prefix).RequireAuthorization(new AuthorizeAttribute(Policy));
        api.MapApiEndpoints();
        DeclareProblems(api);
        return app;
    }

    /// <summary>
    /// The errors in the contract: 401 on every operation, 404 on those whose route names an object. The endpoints
    /// answer their 404 as a <c>ProblemHttpResult</c>, which declares nothing by itself.
    /// </summary>
    private static void DeclareProblems(RouteGroupBuilder api)
    {
        api.ProducesProblem(StatusCodes.Status401Unauthorized);
        ((IEndpointConventionBuilder)api).Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder { RoutePattern.Parameters.Count: > 0 })
            {
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(
                    StatusCodes.Status404NotFound, typeof(ProblemDetails), ["application/problem+json"]));
            }
        });
    }
}
