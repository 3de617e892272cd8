using Benchmark.Core.Domain;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Audit;

/// <summary>Filters of a trail: a family of actions (prefix such as <c>checklist</c>), a date range in Paris days, a page.</summary>
public sealed record AuditFilter(string? Kind, DateOnly? From, DateOnly? To, int Page = 1)
{
    public const int PageSize = 50;
}

/// <summary>One row as people read it: the instant in Europe/Paris, the establishment when the trail is a wave's.</summary>
public sealed record AuditRow(DateTimeOffset At, string Actor, string? Establishment, string Action, string Target, string? Before, string? After, string? Justification);

public sealed record AuditPage(string Title, string Subtitle, Guid? WaveId, Guid? EnrolmentId, IReadOnlyList<AuditRow> Rows, int Total, AuditFilter Filter)
{
    public int Pages => Math.Max(1, (Total + AuditFilter.PageSize - 1) / AuditFilter.PageSize);
}

/// <summary>
/// The append-only trail of one enrolment (anyone who sees the enrolment: its team, its consultant, ARS staff) or of
/// a whole wave (ARS staff of the agency only). Both start from the <see cref="AccessScope"/>: an id outside it is not
/// found. Times are stored in UTC and converted to Europe/Paris here, for the page and the export alike.
/// </summary>
public sealed class AuditTrailQuery(BenchmarkDbContext db, AccessScope scope)
{
    /// <summary>The families the filter offers, by action code prefix.</summary>
    public static IReadOnlyList<(string Kind, string Label)> Kinds { get; } =
    [
        ("checklist", "Check-list"), ("phase", "Phases et portes"), ("gate", "Décisions go / no-go"), ("deliverable", "Livrables"),
        ("indicators", "Indicateurs"), ("session", "Séances"), ("enrolment", "Participation"), ("team", "Équipe"),
    ];

    public async Task<AuditPage?> ForEnrolmentAsync(Guid enrolmentId, AuditFilter filter, CancellationToken cancellationToken)
    {
        var found = await (
            from e in scope.Enrolments()
            where e.Id == enrolmentId
            join x in db.Establishments on e.EstablishmentId equals x.Id
            join w in db.Waves on e.WaveId equals w.Id
            select new { x.Name, Wave = w.Name, e.WaveId }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var (rows, total) = await PageAsync(db.AuditEvents.Where(a => a.EnrolmentId == enrolmentId), filter, withEstablishment: false, cancellationToken);
        return new AuditPage($"Journal — {found.Name}", found.Wave, null, enrolmentId, rows, total, filter);
    }

    public async Task<AuditPage?> ForWaveAsync(Guid waveId, AuditFilter filter, CancellationToken cancellationToken)
    {
        if (!scope.User.IsArsStaff)
        {
            return null;
        }

        var wave = await scope.Waves().Where(w => w.Id == waveId).Select(w => new { w.Name }).SingleOrDefaultAsync(cancellationToken);
        if (wave is null)
        {
            return null;
        }

        var (rows, total) = await PageAsync(db.AuditEvents.Where(a => a.WaveId == waveId), filter, withEstablishment: true, cancellationToken);
        return new AuditPage($"Journal de la vague — {wave.Name}", "Toutes les participations de la vague", waveId, null, rows, total, filter);
    }

    /// <summary>Every row matching the filter (no paging), oldest first, for an export.</summary>
    public async Task<IReadOnlyList<AuditRow>?> ExportAsync(Guid? waveId, Guid? enrolmentId, AuditFilter filter, CancellationToken cancellationToken)
    {
        var page = waveId is { } w ? await ForWaveAsync(w, filter with { Page = 1 }, cancellationToken)
            : enrolmentId is { } e ? await ForEnrolmentAsync(e, filter with { Page = 1 }, cancellationToken) : null;
        if (page is null)
        {
            return null;
        }

        var query = Filtered(waveId is { } wave ? db.AuditEvents.Where(a => a.WaveId == wave) : db.AuditEvents.Where(a => a.EnrolmentId == enrolmentId), filter);
        return await RowsAsync(query, waveId is not null, descending: false, cancellationToken);
    }

    private async Task<(IReadOnlyList<AuditRow> Rows, int Total)> PageAsync(IQueryable<AuditEvent> events, AuditFilter filter, bool withEstablishment, CancellationToken cancellationToken)
    {
        var query = Filtered(events, filter);
        var total = await query.CountAsync(cancellationToken);
        var page = Math.Max(1, filter.Page);
        var rows = await RowsAsync(
            query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Skip((page - 1) * AuditFilter.PageSize).Take(AuditFilter.PageSize),
            withEstablishment, descending: true, cancellationToken);
        return (rows, total);
    }

    private static IQueryable<AuditEvent> Filtered(IQueryable<AuditEvent> events, AuditFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Kind))
        {
            var prefix = filter.Kind.Trim() + ".";
            events = events.Where(a => a.Action.StartsWith(prefix));
        }

        if (filter.From is { } from)
        {
            var start = ParisTime.ToUtc(from, TimeOnly.MinValue);
            events = events.Where(a => a.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = ParisTime.ToUtc(to.AddDays(1), TimeOnly.MinValue);
            events = events.Where(a => a.At < end);
        }

        return events;
    }

    // The join may not keep the paged query's order, so rows are put back in order once read.
    private async Task<IReadOnlyList<AuditRow>> RowsAsync(IQueryable<AuditEvent> events, bool withEstablishment, bool descending, CancellationToken cancellationToken)
    {
        var rows = await (
            from a in events
            join e in db.Enrolments on a.EnrolmentId equals e.Id into enrolments
            from e in enrolments.DefaultIfEmpty()
            join x in db.Establishments on e.EstablishmentId equals x.Id into establishments
            from x in establishments.DefaultIfEmpty()
            select new { a.Id, a.At, a.Actor, Establishment = x == null ? null : x.Name, a.Action, a.Target, a.Before, a.After, a.Justification })
            .AsNoTracking().ToListAsync(cancellationToken);
        var ordered = descending ? rows.OrderByDescending(r => r.At).ThenByDescending(r => r.Id) : rows.OrderBy(r => r.At).ThenBy(r => r.Id);
        return [.. ordered.Select(r => new AuditRow(
            ParisTime.ToParis(r.At), r.Actor, withEstablishment ? r.Establishment : null, r.Action, r.Target, r.Before, r.After, r.Justification))];
    }
}
