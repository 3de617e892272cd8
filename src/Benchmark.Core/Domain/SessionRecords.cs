using Benchmark.Core.Common;

namespace Benchmark.Core.Domain;

/// <summary>
/// A change to a session's invite list on top of the participants its definition gives it (the group's teams, the
/// consultant, the ARS referents): a guest added, or someone removed. One row per session and address.
/// </summary>
public sealed class SessionParticipant
{
    private SessionParticipant()
    {
    }

    public SessionParticipant(Guid id, Guid sessionRecordId, string email, string name, bool excluded, string by, DateTimeOffset at)
    {
        (Id, SessionRecordId, Email, Name, Excluded, ChangedBy, ChangedAt) = (id, sessionRecordId, Normalise(email), name.Trim(), excluded, by, at);
    }

    public Guid Id { get; private set; }

    public Guid SessionRecordId { get; private set; }

    /// <summary>The address, trimmed and lower-case: one person, one row.</summary>
    public string Email { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>True: removed from the invite list; false: added to it.</summary>
    public bool Excluded { get; private set; }

    public string ChangedBy { get; private set; } = "";

    public DateTimeOffset ChangedAt { get; private set; }

    public void Set(bool excluded, string name, string by, DateTimeOffset at) =>
        (Excluded, Name, ChangedBy, ChangedAt) = (excluded, name.Trim(), by, at);

    public static string Normalise(string email) => email.Trim().ToLowerInvariant();
}

/// <summary>Whether an invited participant attended a held session.</summary>
public enum AttendanceStatus
{
    Present,
    Absent,
    Excused,
}

/// <summary>The attendance of one invited participant at a held session, as the consultant recorded it.</summary>
public sealed class SessionAttendance
{
    private SessionAttendance()
    {
    }

    public SessionAttendance(Guid id, Guid sessionRecordId, string email, string name, AttendanceStatus status, string by, DateTimeOffset at)
    {
        (Id, SessionRecordId, Email, Name, Status, RecordedBy, RecordedAt) = (id, sessionRecordId, SessionParticipant.Normalise(email), name.Trim(), status, by, at);
    }

    public Guid Id { get; private set; }

    public Guid SessionRecordId { get; private set; }

    public string Email { get; private set; } = "";

    public string Name { get; private set; } = "";

    public AttendanceStatus Status { get; private set; }

    public string RecordedBy { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    public void Update(AttendanceStatus status, string by, DateTimeOffset at) => (Status, RecordedBy, RecordedAt) = (status, by, at);
}

/// <summary>
/// The consultant's report to the ARS owed after a session whose definition declares one (<c>report:</c>): per
/// establishment concerned, the figures as they stood when it was submitted and the consultant's explanations.
/// Submitted once; it stops the reminders and the overdue alert of its session.
/// </summary>
public sealed class SessionReport
{
    private readonly List<SessionReportLine> _lines = [];

    private SessionReport()
    {
    }

    public Guid Id { get; private set; }

    public Guid SessionRecordId { get; private set; }

    public Guid WaveId { get; private set; }

    /// <summary>The Paris day it was due (the session's last day plus the definition's delay).</summary>
    public DateOnly DueDate { get; private set; }

    public string? Comment { get; private set; }

    public string SubmittedBy { get; private set; } = "";

    public DateTimeOffset SubmittedAt { get; private set; }

    public IReadOnlyList<SessionReportLine> Lines => _lines;

    public static Result<SessionReport> Submit(
        Guid id, Session session, DateOnly dueDate, IReadOnlyList<SessionReportLine> lines, string? comment, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(lines);
        if (session.Status is not (SessionStatus.Scheduled or SessionStatus.Held) || now < session.StartUtc)
        {
            return Error.NotAllowed($"Le compte rendu à l'ARS se rédige après la séance {session.SessionId}.");
        }

        if (lines.Count == 0)
        {
            return Error.Invalid("Le compte rendu ne concerne aucun établissement.");
        }

        var report = new SessionReport
        {
            Id = id, SessionRecordId = session.Id, WaveId = session.WaveId, DueDate = dueDate,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), SubmittedBy = by, SubmittedAt = now,
        };
        report._lines.AddRange(lines);
        return report;
    }
}

/// <summary>
/// One establishment in a report: progress derived from its checklist, its actions, delays, alerts and latest
/// indicator values (one per line of text), and the causes and comment the consultant wrote.
/// </summary>
public sealed class SessionReportLine
{
    private SessionReportLine()
    {
    }

    public SessionReportLine(Guid id, Guid enrolmentId, string establishment, int done, int applicable, string actions, string delays, string alerts, string indicators, string? causes, string? comment)
    {
        (Id, EnrolmentId, Establishment, Done, Applicable) = (id, enrolmentId, establishment, done, applicable);
        (Actions, Delays, Alerts, Indicators) = (actions, delays, alerts, indicators);
        (Causes, Comment) = (string.IsNullOrWhiteSpace(causes) ? null : causes.Trim(), string.IsNullOrWhiteSpace(comment) ? null : comment.Trim());
    }

    public Guid Id { get; private set; }

    public Guid EnrolmentId { get; private set; }

    public string Establishment { get; private set; } = "";

    public int Done { get; private set; }

    public int Applicable { get; private set; }

    public decimal? ProgressPercent => Applicable == 0 ? null : Math.Round(100m * Done / Applicable, 1);

    public string Actions { get; private set; } = "";

    public string Delays { get; private set; } = "";

    public string Alerts { get; private set; } = "";

    public string Indicators { get; private set; } = "";

    public string? Causes { get; private set; }

    public string? Comment { get; private set; }
}
