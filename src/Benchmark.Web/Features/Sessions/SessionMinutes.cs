using Benchmark.Core.Common;
using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Sessions;

/// <summary>One invited participant's attendance as posted: their address and présent / absent / excusé.</summary>
public sealed class AttendanceInput
{
    public string? Email { get; set; }

    public string? Status { get; set; }

    public static AttendanceStatus? Parse(string? status) => status switch
    {
        "present" => AttendanceStatus.Present,
        "absent" => AttendanceStatus.Absent,
        "excuse" => AttendanceStatus.Excused,
        _ => null,
    };

    public static string Value(AttendanceStatus status) => status switch
    {
        AttendanceStatus.Present => "present",
        AttendanceStatus.Absent => "absent",
        AttendanceStatus.Excused => "excuse",
    };
}

/// <summary>
/// After a session has started, its consultant records who attended (each invited participant) and the minutes,
/// which marks it held; later corrections update both. Audited with the state before and after; all or nothing. A
/// session held may meet the gate of the enrolments it concerns: their journeys advance in the same save.
/// </summary>
public sealed class SessionMinutes(AccessScope scope, BenchmarkDbContext db, EnrolmentPipeline pipeline, UnitOfWork unit, TimeProvider clock)
{
    public const int MaxLength = 20_000;

    public async Task<Result<SessionEvent>> RecordAsync(
        SessionContext context, string? minutes, IReadOnlyList<AttendanceInput> attendance, CancellationToken cancellationToken)
    {
        var session = context.Session;
        var now = clock.GetUtcNow();
        if (!context.CanEdit)
        {
            return Error.NotAllowed("Seul le consultant du groupe rédige le compte rendu de cette séance.");
        }

        if (session.MinutesAllowed(now) is { IsSuccess: false } refused)
        {
            return refused.Error!;
        }

        var text = minutes?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() ?? "";
        if (text.Length == 0)
        {
            return Error.Invalid("Rédigez le compte rendu de la séance.");
        }

        if (text.Length > MaxLength)
        {
            return Error.Invalid($"Le compte rendu dépasse {MaxLength} caractères : raccourcissez-le ou joignez un document.");
        }

        var posted = attendance.Where(a => !string.IsNullOrWhiteSpace(a.Email))
            .GroupBy(a => SessionParticipant.Normalise(a.Email!), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => AttendanceInput.Parse(g.Last().Status), StringComparer.Ordinal);
        var missing = context.Participants.Where(p => posted.GetValueOrDefault(p.Key) is null).Select(p => p.Name).ToList();
        if (missing.Count > 0)
        {
            return Error.Invalid($"Indiquez si chaque participant était présent, absent ou excusé : {string.Join(", ", missing)}.");
        }

        var existing = await db.SessionAttendances.Where(a => a.SessionRecordId == session.Id).ToListAsync(cancellationToken);
        var before = Describe(session.Minutes, existing);
        var wasHeld = session.Status == SessionStatus.Held;
        var result = session.RecordMinutes(text, now);
        if (!result.IsSuccess)
        {
            await db.Entry(session).ReloadAsync(cancellationToken);
            return result;
        }

        foreach (var participant in context.Participants)
        {
            var status = posted[participant.Key]!.Value;
            if (existing.FirstOrDefault(a => a.Email == participant.Key) is { } row)
            {
                row.Update(status, scope.User.Name, now);
            }
            else
            {
                var added = new SessionAttendance(Guid.CreateVersion7(), session.Id, participant.Email, participant.Name, status, scope.User.Name, now);
                db.SessionAttendances.Add(added);
                existing.Add(added);
            }
        }

        var after = Describe(text, existing.Where(a => context.Participants.Any(p => p.Key == a.Email)));
        db.AuditEvents.Add(context.Audit(now, scope.User.Name, "session.minutes", before, after));
        if (!wasHeld)
        {
            await pipeline.EvaluateGatesAsync(context.EnrolmentIds, cancellationToken);
        }

        return await unit.SaveAsync(result.Value, new CommandName("session.minutes", scope.User.Name, session.Id),
            _ => Task.FromResult(Error.Conflict("Quelqu'un vient de modifier cette séance ou son compte rendu : rechargez la page et recommencez.")),
            cancellationToken);
    }

    private static string? Describe(string? minutes, IEnumerable<SessionAttendance> attendance)
    {
        var list = attendance.OrderBy(a => a.Email, StringComparer.Ordinal).Select(a => $"{a.Email}={AttendanceInput.Value(a.Status)}").ToList();
        return string.IsNullOrEmpty(minutes) && list.Count == 0 ? null : $"présences : {string.Join(", ", list)}\ncompte rendu :\n{minutes}";
    }
}
