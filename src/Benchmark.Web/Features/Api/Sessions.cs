using Benchmark.Core.Common;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Api;

/// <summary>A session; <c>minutes</c> (the compte rendu) is only returned by <c>GET /api/sessions/{sessionId}</c>.</summary>
public sealed record SessionDto(
    Guid Id, Guid WaveId, Guid? GroupId, Guid? EnrolmentId, string Code, string Title, SessionKind Kind, SessionStatus Status,
    DateTimeOffset StartUtc, DateTimeOffset EndUtc, string? Location, string? VisioUrl, string? Agenda, int Sequence, string? Minutes);

/// <summary>Sessions: collective (a group) or individual (an enrolment).</summary>
internal static class SessionEndpoints
{
    public static void MapSessionEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/sessions/{sessionId:guid}", GetAsync).WithTags("Séances").WithName("GetSession")
            .WithSummary("Lire une séance").WithDescription("Une séance collective ou individuelle : dates (UTC), lieu ou lien de visioconférence, ordre du jour, compte rendu.");

    internal static async Task<List<SessionDto>> ToDtosAsync(IQueryable<Session> sessions, Definitions definitions, bool withMinutes, CancellationToken cancellationToken)
    {
        var rows = await sessions.AsNoTracking().OrderBy(s => s.StartUtc).ToListAsync(cancellationToken);
        var waveDefinitions = await definitions.WaveDefinitionsAsync(rows.Select(s => s.WaveId), cancellationToken);
        return rows.Select(s => new SessionDto(
            s.Id, s.WaveId, s.GroupId, s.EnrolmentId, s.SessionId, TitleOf(waveDefinitions, s), s.Kind, s.Status, s.StartUtc, s.EndUtc,
            s.Location, s.VisioUrl, s.Agenda, s.Sequence, withMinutes ? s.Minutes : null)).ToList();
    }

    private static async Task<Results<Ok<SessionDto>, ProblemHttpResult>> GetAsync(
        Guid sessionId, AccessScope scope, Definitions definitions, CancellationToken cancellationToken)
    {
        var found = await ToDtosAsync(scope.Sessions().Where(s => s.Id == sessionId), definitions, withMinutes: true, cancellationToken);
        return found.Count == 0 ? Error.NotFound("La séance").ToProblem() : TypedResults.Ok(found[0]);
    }

    private static string TitleOf(IReadOnlyDictionary<Guid, WorkflowDefinition> waveDefinitions, Session s) =>
        waveDefinitions.TryGetValue(s.WaveId, out var d) && d.FindSession(s.SessionId) is { } definition ? definition.Title : s.SessionId;
}
