using Benchmark.Core.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Benchmark.Web.Infrastructure.Api;

/// <summary>
/// How the API answers an error, whatever raised it (an endpoint's <see cref="Error"/>, a challenge, routing, an
/// exception): RFC 9457 Problem Details (<c>application/problem+json</c>) with a French <c>title</c> per status, the
/// <c>status</c>, and a stable <c>code</c> an integrator can switch on; <c>detail</c>, if any, is for people.
/// </summary>
internal static class ApiProblems
{
    public static readonly PathString Prefix = "/api";

    public static bool IsApi(PathString path) => path.StartsWithSegments(Prefix);

    /// <summary>An expected failure: not_found 404, not_allowed 403, invalid 422, conflict 409.</summary>
    public static ProblemHttpResult ToProblem(this Error error)
    {
        var problem = new ProblemDetails { Status = StatusOf(error.Code), Detail = error.Message };
        problem.Extensions["code"] = error.Code;
        if (error.Field is { } field)
        {
            // RFC 9457 leaves field errors to extensions; the shape of ASP.NET Core's validation problems: field → messages.
            problem.Extensions["errors"] = new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [error.Message] };
        }

        return TypedResults.Problem(Describe(problem));
    }

    /// <summary>Writes the problem of a status that came with no body (401 from a challenge, 404 from routing…).</summary>
    public static Task WriteAsync(HttpContext context, int status) =>
        TypedResults.Problem(Describe(new ProblemDetails { Status = status })).ExecuteAsync(context);

    /// <summary>
    /// Gives a problem the French title of its status and, unless it has one, the status's code. Also run on every
    /// problem the framework writes (<c>AddProblemDetails</c>), whose default titles are English.
    /// </summary>
    public static ProblemDetails Describe(ProblemDetails problem)
    {
        var (title, code) = TitleAndCode(problem.Status ?? StatusCodes.Status500InternalServerError);
        problem.Title = title;
        problem.Extensions.TryAdd("code", code);
        return problem;
    }

    // An error with a code outside the four is still a caller's problem, not the server's: 400.
    private static int StatusOf(string code) => code switch
    {
        "not_found" => StatusCodes.Status404NotFound,
        "not_allowed" => StatusCodes.Status403Forbidden,
        "invalid" => StatusCodes.Status422UnprocessableEntity,
        "conflict" => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    private static (string Title, string Code) TitleAndCode(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ("Requête incorrecte", "bad_request"),
        StatusCodes.Status401Unauthorized => ("Authentification requise", "unauthenticated"),
        StatusCodes.Status403Forbidden => ("Accès refusé", "not_allowed"),
        StatusCodes.Status404NotFound => ("Ressource introuvable", "not_found"),
        StatusCodes.Status405MethodNotAllowed => ("Méthode non autorisée", "method_not_allowed"),
        StatusCodes.Status409Conflict => ("Conflit avec l'état actuel", "conflict"),
        StatusCodes.Status422UnprocessableEntity => ("Données invalides", "invalid"),
        StatusCodes.Status429TooManyRequests => ("Trop de requêtes", "too_many_requests"),
        < 500 => ("Requête non traitée", "request_refused"),
        _ => ("Erreur inattendue", "unexpected_error"),
    };
}
