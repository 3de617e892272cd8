using Microsoft.OpenApi;

namespace Benchmark.Web.Infrastructure.Api;

/// <summary>The OpenAPI document <c>/openapi/v1.json</c>: French titles and the bearer scheme every operation requires.</summary>
internal static class OpenApiSetup
{
    public const string DocumentName = "v1";

    private const string Bearer = "Bearer";

    public static IServiceCollection AddBenchmarkOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "API Benchmark",
                Version = DocumentName,
                Description = "Lecture des vagues, groupes, participations, établissements, séances et programmes visibles par le titulaire du jeton. "
                    + "Chaque requête porte un jeton d'accès personnel (en-tête « Authorization: Bearer bm_… », créé depuis « Mon compte › Jetons d'accès ») "
                    + "ou la session du navigateur. Un objet hors de votre périmètre répond 404, sans plus de détail. L'API est en lecture seule. "
                    + "Les erreurs suivent la RFC 9457 (application/problem+json) : « status », un titre en français "
                    + "(« title ») et un code stable (« code » : not_found, unauthenticated, not_allowed, invalid, "
                    + "conflict, unexpected_error…).",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "bm_<jeton>",
                Description = "Jeton d'accès personnel : « Authorization: Bearer bm_… ». Seule son empreinte SHA-256 est conservée ; il est révocable.",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] }];
            return Task.CompletedTask;
        }));
}
