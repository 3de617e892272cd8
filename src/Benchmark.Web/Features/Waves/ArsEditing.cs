using Benchmark.Core.Common;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Infrastructure.Pages;

namespace Benchmark.Web.Features.Waves;

/// <summary>
/// Who may do what on the ARS pages: ARS staff and consultants read (through the access scope); only an ArsAdmin
/// changes anything. A team member is not shown these pages at all (404, like any id outside their scope).
/// </summary>
public static class ArsEditing
{
    public const string RoleRefused = "Votre rôle ne permet pas cette action.";

    public static bool CanRead(CurrentUser user) => user.IsArsStaff || user.IsConsultant;

    public static bool CanEdit(CurrentUser user) => user.IsArsAdmin && user.AgencyId is not null;

    /// <summary>htmx swaps only 2xx responses: a refused htmx form answers 200 with its errors, a plain form 422.</summary>
    public static int ErrorStatus(HttpRequest request) => request.Headers.ContainsKey("HX-Request") ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity;

    /// <summary>The status of a refused command on an ARS page: 200 for htmx (as above), else <see cref="PageResults.StatusOf"/> (404 / 409 / 422).</summary>
    public static int ErrorStatus(HttpRequest request, Error error) =>
        request.Headers.ContainsKey("HX-Request") ? StatusCodes.Status200OK : PageResults.StatusOf(error);
}
