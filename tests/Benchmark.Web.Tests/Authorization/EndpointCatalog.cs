using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Authorization;

/// <summary>One way to call an endpoint: method, route, and for a Razor page the named handler (<c>?handler=</c>).</summary>
public sealed record EndpointCall(string Method, RoutePattern Route, string? Handler, bool IsPublic, string DisplayName)
{
    public string Template => "/" + (Route.RawText ?? "").TrimStart('/');

    public bool IsApi => Template.StartsWith("/api/", StringComparison.Ordinal);

    public IEnumerable<string> ParameterNames => Route.Parameters.Select(p => p.Name);

    public override string ToString() => $"{Method} {Template}{(Handler is null ? "" : "?handler=" + Handler)}";

    /// <summary>The URL with these route values (a missing optional parameter is left out).</summary>
    public string Url(IReadOnlyDictionary<string, string> values)
    {
        var path = string.Concat(Route.PathSegments.Select(segment => "/" + string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => values.TryGetValue(parameter.Name, out var v) ? Uri.EscapeDataString(v) : "",
            _ => "",
        }))));
        path = path.Length == 0 ? "/" : path.Replace("//", "/", StringComparison.Ordinal).TrimEnd('/');
        return (path.Length == 0 ? "/" : path) + (Handler is null ? "" : "?handler=" + Uri.EscapeDataString(Handler));
    }
}

/// <summary>Every endpoint of the running application, from its EndpointDataSource: Razor pages (one call per handler) and minimal API.</summary>
public static class EndpointCatalog
{
    public static async Task<IReadOnlyList<EndpointCall>> DiscoverAsync(IServiceProvider services)
    {
        var source = services.GetRequiredService<EndpointDataSource>();
        var loader = services.GetRequiredService<PageLoader>();
        var calls = new List<EndpointCall>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<ISuppressMatchingMetadata>()?.SuppressMatching == true)
            {
                continue;
            }

            var isPublic = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var name = endpoint.DisplayName ?? endpoint.RoutePattern.RawText ?? "";
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                isPublic = compiled.EndpointMetadata.OfType<IAllowAnonymous>().Any() || isPublic;
                var handlers = compiled.HandlerMethods.Select(h => (Method: h.HttpMethod.ToUpperInvariant(), h.Name)).Distinct().ToList();
                if (!handlers.Any(h => h.Method == "GET"))
                {
                    // A page renders on GET even without an OnGet handler.
                    handlers.Add(("GET", null));
                }

                calls.AddRange(handlers.Select(h => new EndpointCall(h.Method, endpoint.RoutePattern, h.Name, isPublic, name)));
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            calls.AddRange(methods.Select(m => new EndpointCall(m.ToUpperInvariant(), endpoint.RoutePattern, null, isPublic, name)));
        }

        return calls.DistinctBy(c => c.ToString()).OrderBy(c => c.Template, StringComparer.Ordinal).ThenBy(c => c.Method, StringComparer.Ordinal).ToList();
    }
}
