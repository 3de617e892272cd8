using Benchmark.Core.Domain;
using Benchmark.Core.Reminders;
using Benchmark.Data;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Sessions;

/// <summary>What happened at a session: attendance, and the report to the ARS owed after it (due day, submitted or not).</summary>
public sealed record SessionRecord(IReadOnlyList<SessionAttendance> Attendance, DateOnly? ReportDue, SessionReport? Report)
{
    public static SessionRecord Empty { get; } = new([], null, null);

    public static async Task<SessionRecord> LoadAsync(BenchmarkDbContext db, SessionContext context, CancellationToken cancellationToken)
    {
        var id = context.Session.Id;
        var attendance = await db.SessionAttendances.AsNoTracking().Where(a => a.SessionRecordId == id).OrderBy(a => a.Name).ToListAsync(cancellationToken);
        var due = ReportDeadlines.Owes(context.Session) ? ReportDeadlines.DueDay(context.SessionDefinition, context.Session) : null;
        var report = due is null && context.SessionDefinition?.Report is null
            ? null
            : await db.SessionReports.AsNoTracking().Include(r => r.Lines).SingleOrDefaultAsync(r => r.SessionRecordId == id, cancellationToken);
        return new SessionRecord(attendance, due, report);
    }

    public static string Label(AttendanceStatus status) => status switch
    {
        AttendanceStatus.Present => "présent(e)",
        AttendanceStatus.Absent => "absent(e)",
        AttendanceStatus.Excused => "excusé(e)",
    };

    /// <summary>Plain text as paragraphs (blank lines) of lines, for a view to write each one encoded.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Paragraphs(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : [.. text.Replace("\r\n", "\n", StringComparison.Ordinal)
                .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => (IReadOnlyList<string>)p.Split('\n', StringSplitOptions.TrimEntries))];
}
