using System.Globalization;
using Benchmark.Core.Common;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.OfficeSurgery;
using Benchmark.Core.Roadmap;
using Benchmark.Data;
using Benchmark.Data.Identity;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Infrastructure.Mail;
using Benchmark.Web.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.AdverseEvents;

/// <summary>An office-surgery enrolment as the adverse-events page needs it.</summary>
public sealed record AdverseEventContext(Enrolment Enrolment, Wave Wave, WorkflowDefinition Definition, string Establishment, bool IsTeamMember, IReadOnlyList<AdverseEvent> Events);

/// <summary>What the team types to report an event.</summary>
public sealed record AdverseEventInput(string? OccurredOn, string? Timing, string? CcamCode, string? Description, string? Measures);

/// <summary>
/// Serious adverse events of an office-surgery enrolment (a programme with a candidature dossier). Reporting writes,
/// in one SaveChanges, the event, a critical <see cref="Alert"/>, an audit event and one <c>eig-signalement</c> email per
/// ARS referent of the wave (else the agency's ARS reviewers): the ARS hears of it at once. The save goes through
/// <see cref="UnitOfWork"/>: a conflict drops all of it (no alert, no email without its event).
/// </summary>
public sealed class AdverseEventReporting(AccessScope scope, BenchmarkDbContext db, MailOutbox outbox, UnitOfWork unit, TimeProvider clock)
{
    public const string Template = "eig-signalement";

    public const string Conflict =
        "Le signalement n'a pas été enregistré : quelqu'un d'autre a modifié ce parcours en même temps. Rechargez la page et signalez de nouveau l'événement.";

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public async Task<AdverseEventContext?> LoadAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        var enrolment = await scope.Enrolments().AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(e => e.Id == enrolmentId, cancellationToken);
        if (enrolment is null)
        {
            return null;
        }

        var wave = await db.Waves.AsNoTracking().SingleAsync(w => w.Id == enrolment.WaveId, cancellationToken);
        var definition = (await db.ProgrammeDefinitions.AsNoTracking().SingleAsync(d => d.Id == wave.DefinitionId, cancellationToken)).Parse();
        if (!definition.Deliverables.Any(d => d.Kind == DeliverableKind.Candidature))
        {
            return null;
        }

        var establishment = await db.Establishments.AsNoTracking().Where(x => x.Id == enrolment.EstablishmentId).Select(x => x.Name).SingleAsync(cancellationToken);
        var user = scope.User;
        var member = user.IsTeamMember && await db.TeamMembers.AnyAsync(m => m.EnrolmentId == enrolmentId && m.UserId == user.Id, cancellationToken);
        var events = await db.Set<AdverseEvent>().AsNoTracking().Where(e => e.EnrolmentId == enrolmentId).OrderByDescending(e => e.ReportedAt).ToListAsync(cancellationToken);
        return new AdverseEventContext(enrolment, wave, definition, establishment, member, events);
    }

    /// <summary>
    /// Reports the event: the field errors when the input is refused (nothing saved; none when the event is reported), or
    /// <see cref="Error.Conflict"/> when the save lost a race (nothing saved either).
    /// </summary>
    public async Task<Result<IReadOnlyList<FieldError>>> ReportAsync(AdverseEventContext context, AdverseEventInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var now = clock.GetUtcNow();
        var errors = new List<FieldError>();
        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(input.OccurredOn))
        {
            if (DateOnly.TryParseExact(input.OccurredOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                date = parsed;
            }
            else
            {
                errors.Add(new(nameof(AdverseEvent.OccurredOn), "La date de l'événement n'est pas une date (format attendu : JJ/MM/AAAA)."));
            }
        }

        AdverseEventTiming? timing = Enum.TryParse<AdverseEventTiming>(input.Timing, out var t) && Enum.IsDefined(t) && !int.TryParse(input.Timing, CultureInfo.InvariantCulture, out _) ? t : null;
        var (reported, invalid) = AdverseEvent.Report(
            Guid.CreateVersion7(), context.Enrolment.Id, context.Wave.Id, date, timing, input.CcamCode, input.Description, input.Measures,
            scope.User.Name, now, Core.Scheduling.ParisTime.Today(clock));
        errors.AddRange(invalid.Where(e => errors.All(x => x.Field != e.Field)));
        if (errors.Count > 0 || reported is null)
        {
            return Result<IReadOnlyList<FieldError>>.Ok(errors);
        }

        db.Set<AdverseEvent>().Add(reported);
        var summary = $"Événement indésirable grave signalé par {reported.ReportedBy} ({context.Establishment}), survenu le {reported.OccurredOn.ToString("d MMMM yyyy", French)} : {reported.Description}";
        db.Alerts.Add(new Alert(Guid.CreateVersion7(), context.Wave.Id, context.Enrolment.Id, $"eig:{reported.Id}", AlertSeverity.Critical, Truncate(summary, 4000), now));
        db.AuditEvents.Add(new AuditEvent(now, scope.User.Name, context.Wave.Id, context.Enrolment.Id, "eig.report", "Événement indésirable grave", null,
            Truncate($"{reported.OccurredOn:yyyy-MM-dd}, {AdverseEvent.TimingText(reported.Timing)}{(reported.CcamCode is { } c ? ", " + c : "")} : {reported.Description} — mesures : {reported.Measures}", 4000)));

        foreach (var (email, name) in await ArsRecipientsAsync(context.Wave, cancellationToken))
        {
            await outbox.QueueAsync(
                new AdverseEventMail(name, context.Establishment, context.Definition.Title, reported.OccurredOn.ToString("d MMMM yyyy", French),
                    AdverseEvent.TimingText(reported.Timing), reported.CcamCode ?? "", reported.Description, reported.Measures, reported.ReportedBy,
                    $"parcours/{context.Enrolment.Id}/evenements-indesirables"),
                email, $"eig:{reported.Id}:{email.ToUpperInvariant()}");
        }

        return await unit.SaveAsync<IReadOnlyList<FieldError>>(
            [], new CommandName("eig.report", scope.User.Name, reported.Id), _ => Task.FromResult(Error.Conflict(Conflict)), cancellationToken);
    }

    private async Task<List<(string Email, string Name)>> ArsRecipientsAsync(Wave wave, CancellationToken cancellationToken)
    {
        var people = await (
            from r in db.WaveReferents
            where r.WaveId == wave.Id
            join u in db.Users on r.UserId equals u.Id
            select new { u.Email, u.FullName }).ToListAsync(cancellationToken);
        if (people.Count == 0)
        {
            people = await (
                from u in db.Users
                where u.AgencyId == wave.AgencyId
                join ur in db.UserRoles on u.Id equals ur.UserId
                join role in db.Roles on ur.RoleId equals role.Id
                where role.Name == AppRoles.ArsReviewer
                select new { u.Email, u.FullName }).ToListAsync(cancellationToken);
        }

        return [.. people.Where(p => !string.IsNullOrWhiteSpace(p.Email)).Select(p => (p.Email!.Trim(), p.FullName)).DistinctBy(p => p.Item1, StringComparer.OrdinalIgnoreCase)];
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

/// <summary>A serious adverse event reported: to the wave's ARS referents.</summary>
public sealed record AdverseEventMail(
    string RecipientName, string EstablishmentName, string Programme, string OccurredOn, string Timing, string Ccam, string Description,
    string Measures, string ReportedBy, string Path) : MailModel
{
    public override string Template => AdverseEventReporting.Template;
}
