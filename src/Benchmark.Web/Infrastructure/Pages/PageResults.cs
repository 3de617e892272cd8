using Benchmark.Core.Common;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Benchmark.Web.Infrastructure.Pages;

/// <summary>
/// The one mapping of a refused command to a page answer (the API's is <see cref="Api.ApiProblems"/>): the status
/// says what happened — 404 not found (or out of scope), 409 someone else got there first, 422 refused or invalid —
/// and an error that names its field is put in the ModelState under that field, so the form shows it beside the input.
/// The page shows <see cref="Error.Message"/> and re-displays the form with what the user typed.
/// </summary>
public static class PageResults
{
    public static int StatusOf(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Code switch
        {
            "not_found" => StatusCodes.Status404NotFound,
            "conflict" => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
    }

    /// <summary>Sets the response status for <paramref name="error"/> and its field's ModelState entry; returns the message to show.</summary>
    public static string Refuse(this PageModel page, Error error, int? status = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(error);
        page.Response.StatusCode = status ?? StatusOf(error);
        if (error.Field is { } field)
        {
            page.ModelState.AddModelError(field, error.Message);
        }

        return error.Message;
    }
}
