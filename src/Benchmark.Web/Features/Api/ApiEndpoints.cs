namespace Benchmark.Web.Features.Api;

/// <summary>
/// The read-only integration API. Every handler starts from <see cref="Access.AccessScope"/>: an id outside the caller's
/// scope answers the same 404 problem (<c>not_found</c>) as an id that does not exist.
/// </summary>
internal static class ApiEndpoints
{
    public static RouteGroupBuilder MapApiEndpoints(this RouteGroupBuilder api)
    {
        api.MapWaveEndpoints();
        api.MapEnrolmentEndpoints();
        api.MapEstablishmentEndpoints();
        api.MapSessionEndpoints();
        api.MapProgrammeEndpoints();
        api.MapIndicatorEndpoints();
        api.MapGridEndpoints();
        OfficeSurgeryActs.CcamActsApi.MapCcamActEndpoints(api);
        return api;
    }
}
