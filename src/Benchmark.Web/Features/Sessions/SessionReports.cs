using System.Globalization;
using Benchmark.Core.Common;
using Benchmark.Core.Domain;
using Benchmark.Core.Reminders;
using Benchmark.Core.Reports;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Infrastructure.Mail;
using Benchmark.Web.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Sessions;

/// <summary>What the consultant writes for one establishment of the report.</summary>
public sealed class ReportLineInput
{
    public Guid EnrolmentId { get; set; }

    public string? Causes { get; set; }

    public string? Comment { get; set; }
}

/// <summary>The report owed after a session, as the page shows it: its due day and the figures of each establishment.</summary>
public sealed record ReportDraft(DateOnly Due, IReadOnlyList<ReportFigures> Figures);

/// <summary>
/// The consultant's report to the ARS after a session whose definition declares one: the figures of each establishment
/// concerned (the group's for a collective session, the enrolment's otherwise) computed from the data, the consultant's
/// causes and comments; submitting records it once, audits it, and emails the wave's ARS referents (outbox, same SaveChanges).
/// </summary>
public sealed class SessionReports(AccessScope scope, BenchmarkDbContext db, MailOutbox outbox, UnitOfWork unit, TimeProvider clock)
{
    public const string Template = "report-submitted";
    public const int MaxText = 4000;

    /// <summary>Why a report cannot be sent yet: the ARS reads it beside the session's minutes.</summary>
    public const string MinutesFirst =
        "Le compte rendu à l'ARS se remet après celui de la séance : saisissez d'abord le compte rendu et les présences.";

    /// <summary>The session is not held, or held without minutes: its report to the ARS waits for them.</summary>
    public static bool MinutesMissing(Session session) =>
        session is not { Status: SessionStatus.Held, Minutes: { } minutes } || string.IsNullOrWhiteSpace(minutes);

    public async Task<ReportDraft?> DraftAsync(SessionContext context, CancellationToken cancellationToken)
    {
        if (ReportDeadlines.DueDay(context.SessionDefinition, context.Session) is not { } due || !ReportDeadlines.Owes(context.Session))
        {
            return null;
        }

        var ids = context.EnrolmentIds.ToList();
        var enrolments = await scope.Enrolments().AsNoTracking().Where(e => ids.Contains(e.Id)).ToListAsync(cancellationToken);
        var names = await db.Establishments.AsNoTracking().Where(x => enrolments.Select(e => e.EstablishmentId).Contains(x.Id))
            .ToDictionaryAsync(x => x.Id, x => x.Name, cancellationToken);
        var alerts = (await db.Alerts.AsNoTracking().Where(a => a.EnrolmentId != null && ids.Contains(a.EnrolmentId.Value) && a.ResolvedAt == null)
            .ToListAsync(cancellationToken)).ToLookup(a => a.EnrolmentId!.Value);
        var values = (await db.IndicatorValues.AsNoTracking().Where(v => ids.Contains(v.EnrolmentId)).ToListAsync(cancellationToken)).ToLookup(v => v.EnrolmentId);
        var calendar = ScheduleResolver.Resolve(context.Definition, context.Wave.AnchorDates);
        var establishments = enrolments
            .Select(e => new ReportEstablishment(e, names.GetValueOrDefault(e.EstablishmentId, "?"), [.. alerts[e.Id]], [.. values[e.Id]]))
            .OrderBy(e => e.Establishment, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true));
        return new ReportDraft(due, SessionReportDraft.Build(context.Definition, calendar.IsSuccess ? calendar.Value : null, establishments, ParisTime.Today(clock)));
    }

    public async Task<Result<SessionReport>> SubmitAsync(
        SessionContext context, ReportDraft draft, IReadOnlyList<ReportLineInput> inputs, string? comment, CancellationToken cancellationToken)
    {
        var session = context.Session;
        if (!context.CanEdit)
        {
            return Error.NotAllowed("Seul le consultant du groupe remet ce compte rendu.");
        }

        if (MinutesMissing(session))
        {
            return Error.NotAllowed(MinutesFirst);
        }

        if (await db.SessionReports.AnyAsync(r => r.SessionRecordId == session.Id, cancellationToken))
        {
            return Error.Conflict("Ce compte rendu a déjà été remis.");
        }

        var texts = inputs.SelectMany(i => new[] { i.Causes, i.Comment }).Append(comment);
        if (texts.Any(t => t?.Length > MaxText))
        {
            return Error.Invalid($"Chaque zone de texte tient en {MaxText} caractères au plus.");
        }

        var byEnrolment = inputs.GroupBy(i => i.EnrolmentId).ToDictionary(g => g.Key, g => g.Last());
        var lines = draft.Figures.Select(f => f.ToLine(Guid.CreateVersion7(), byEnrolment.GetValueOrDefault(f.EnrolmentId)?.Causes, byEnrolment.GetValueOrDefault(f.EnrolmentId)?.Comment)).ToList();
        var missingCauses = lines.Where(l => l.Delays.Length > 0 && l.Causes is null).Select(l => l.Establishment).ToList();
        if (missingCauses.Count > 0)
        {
            return Error.Invalid($"Expliquez les causes des retards de : {string.Join(", ", missingCauses)}.");
        }

        var now = clock.GetUtcNow();
        var submitted = SessionReport.Submit(Guid.CreateVersion7(), session, draft.Due, lines, comment, scope.User.Name, now);
        if (!submitted.IsSuccess)
        {
            return submitted;
        }

        var report = submitted.Value;
        db.SessionReports.Add(report);
        db.AuditEvents.Add(context.Audit(now, scope.User.Name, "session.report", null,
            $"remis ; échéance {draft.Due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} ; {lines.Count} établissement(s)"));
        await QueueEmailsAsync(context, report, cancellationToken);
        return await unit.SaveAsync(report, new CommandName("session.report", scope.User.Name, session.Id),
            _ => Task.FromResult(Error.Conflict("Ce compte rendu vient d'être remis par quelqu'un d'autre : rechargez la page.")), cancellationToken);
    }

    private async Task QueueEmailsAsync(SessionContext context, SessionReport report, CancellationToken cancellationToken)
    {
        var referents = await (from r in db.WaveReferents.AsNoTracking()
                               where r.WaveId == context.Wave.Id
                               join u in db.Users on r.UserId equals u.Id
                               where u.Email != null
                               select new { u.FullName, Email = u.Email! }).ToListAsync(cancellationToken);
        var summary = string.Join("\n", report.Lines.Select(l =>
            $"- {l.Establishment} : avancement {SessionReportDraft.Percent(new Core.Runtime.ProgressFigure(l.Done, l.Applicable))}"
            + (l.Delays.Length == 0 ? "" : $", {l.Delays.Split('\n').Length} retard(s)")
            + (l.Alerts.Length == 0 ? "" : $", {l.Alerts.Split('\n').Length} alerte(s)")));
        foreach (var referent in referents.DistinctBy(r => SessionParticipant.Normalise(r.Email)))
        {
            var mail = new ReportSubmittedMail(
                referent.FullName, scope.User.Name, context.SessionDefinition!.Report!.Title, context.Title, SessionPlanning.Display(context.Session.StartUtc),
                context.Definition.Title, context.Wave.Name, context.Group?.Name ?? context.Establishment ?? "", report.Comment, summary,
                $"seances/{context.Session.Id}/rapport-ars");
            await outbox.QueueAsync(mail, referent.Email, $"report:{context.Session.Id}:{SessionParticipant.Normalise(referent.Email)}");
        }
    }
}

/// <summary>The consultant's report after a session: to the wave's ARS referents.</summary>
public sealed record ReportSubmittedMail(
    string Name, string Consultant, string ReportTitle, string Title, string Date, string Programme, string WaveName, string GroupName,
    string? Comment, string Summary, string Link) : MailModel
{
    public override string Template => SessionReports.Template;
}
