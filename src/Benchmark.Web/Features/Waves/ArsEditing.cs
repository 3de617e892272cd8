using Benchmark.Web.Features.Access;

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
}
