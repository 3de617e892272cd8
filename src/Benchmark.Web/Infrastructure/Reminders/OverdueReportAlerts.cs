using System.Globalization;
using Benchmark.Core.Domain;
using Benchmark.Core.Reminders;
using Benchmark.Data;
using Benchmark.Data.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Infrastructure.Reminders;

/// <summary>
/// Raises one <see cref="Alert"/> per report to the ARS past its deadline and not submitted, keyed
/// <c>session-report-overdue:{session}</c> (unique): a second sweep, or two racing sweeps, raise it once. The email
/// that goes with it is the definition's reminder rule after the deadline (e.g. <c>compte-rendu-retard</c>).
/// </summary>
public sealed class OverdueReportAlerts(BenchmarkDbContext db)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>
    /// Inserts the alerts not raised yet: the keys already present are read first (one statement), so the late reports
    /// already alerted cost no message and no write; the rest go in one statement (<see cref="KeyedInsert"/>), which
    /// also skips a key another sweep inserted meanwhile. Returns how many were inserted.
    /// </summary>
    public async Task<int> RaiseAsync(IReadOnlyList<OverdueReport> overdue, IReadOnlyDictionary<Guid, string> groupNames, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var keys = overdue.Select(o => o.AlertKey).Distinct(StringComparer.Ordinal).ToList();
        if (keys.Count == 0)
        {
            return 0;
        }

        var existing = (await db.Alerts.AsNoTracking().Where(a => keys.Contains(a.Key)).Select(a => a.Key).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var fresh = overdue.Where(o => !existing.Contains(o.AlertKey)).DistinctBy(o => o.AlertKey, StringComparer.Ordinal).Select(o => Alert(o, groupNames, now));
        return await KeyedInsert.InsertMissingAsync(db, fresh, a => a.Key, nameof(Core.Domain.Alert.Key), cancellationToken);
    }

    private static Alert Alert(OverdueReport o, IReadOnlyDictionary<Guid, string> groupNames, DateTimeOffset now)
    {
        var who = o.Session.GroupId is { } g && groupNames.TryGetValue(g, out var name) ? $" (groupe {name})" : "";
        var message = $"{o.Definition.Report!.Title} de la séance « {o.Definition.Title} »{who} non remis : attendu le {o.Due.ToString("d MMMM yyyy", French)}.";
        return new Alert(Guid.CreateVersion7(), o.Session.WaveId, o.Session.EnrolmentId, o.AlertKey, AlertSeverity.Warning, message, now);
    }
}
