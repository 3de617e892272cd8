using System.Globalization;
using Benchmark.Web.Infrastructure.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Benchmark.Web.Features.Api;

/// <summary>
/// « Référence de l'API » : every operation of the OpenAPI document, rendered on the server from the same document as
/// <c>/openapi/v1.json</c> (no script, no CDN), so it cannot drift from the API. Public, like the document.
/// </summary>
[AllowAnonymous]
public sealed class ReferenceModel([FromKeyedServices(OpenApiSetup.DocumentName)] IOpenApiDocumentProvider documents) : PageModel
{
    public sealed record Parameter(string Name, string In, bool Required, string Type, string? Description);

    public sealed record ResponseDoc(string Status, string? Description, string? Type);

    public sealed record Operation(string Method, string Path, string? Summary, string? Description, string Anchor, IReadOnlyList<Parameter> Parameters, IReadOnlyList<ResponseDoc> Responses);

    public sealed record Section(string Tag, IReadOnlyList<Operation> Operations);

    public string Title { get; private set; } = "";

    public string? Description { get; private set; }

    public IReadOnlyList<Section> Sections { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var document = await documents.GetOpenApiDocumentAsync(cancellationToken);
        Title = document.Info?.Title ?? "API";
        Description = document.Info?.Description;
        var operations =
            from path in document.Paths ?? []
            from op in path.Value.Operations ?? []
            select (Tag: op.Value.Tags?.FirstOrDefault()?.Name ?? "Autres", Operation: ToOperation(path.Key, op.Key, op.Value));
        Sections = operations.GroupBy(o => o.Tag, StringComparer.Ordinal)
            .Select(g => new Section(g.Key, g.Select(o => o.Operation).ToList()))
            .ToList();
    }

    private static Operation ToOperation(string path, HttpMethod method, OpenApiOperation op) => new(
        method.Method.ToUpperInvariant(), path, op.Summary, op.Description, op.OperationId ?? $"{method.Method}-{path}".Replace('/', '-'),
        (op.Parameters ?? []).Select(p => new Parameter(p.Name ?? "", In(p.In), p.Required, TypeOf(p.Schema), p.Description)).ToList(),
        (op.Responses ?? []).Select(r => new ResponseDoc(r.Key, r.Value.Description, r.Value.Content?.Values.FirstOrDefault()?.Schema is { } s ? TypeOf(s) : null)).ToList());

    private static string In(ParameterLocation? location) => location switch
    {
        ParameterLocation.Path => "chemin",
        ParameterLocation.Query => "requête",
        ParameterLocation.Header => "en-tête",
        ParameterLocation.Cookie => "cookie",
        _ => "",
    };

    private static string TypeOf(IOpenApiSchema? schema) => schema switch
    {
        null => "",
        OpenApiSchemaReference reference => reference.Reference.Id ?? "objet",
        { Type: { } type } when type.HasFlag(JsonSchemaType.Array) => $"liste de {TypeOf(schema.Items)}",
        { Type: { } type } => string.Join(" | ", Enum.GetValues<JsonSchemaType>().Where(t => t != 0 && type.HasFlag(t)).Select(t => t.ToString().ToLowerInvariant()))
            + (schema.Format is { } format ? string.Create(CultureInfo.InvariantCulture, $" ({format})") : ""),
        _ => "objet",
    };
}
