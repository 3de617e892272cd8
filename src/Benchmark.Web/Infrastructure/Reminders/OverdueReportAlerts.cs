using System.Globalization;
using Benchmark.Core.Domain;
using Benchmark.Core.Reminders;
using Benchmark.Data;
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

    /// <summary>Adds the alerts not raised yet and saves; returns how many were inserted.</summary>
    public async Task<int> RaiseAsync(IReadOnlyList<OverdueReport> overdue, IReadOnlyDictionary<Guid, string> groupNames, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (overdue.Count == 0)
        {
            return 0;
        }

        var keys = overdue.Select(o => o.AlertKey).ToList();
        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(500))
        {
            existing.UnionWith(await db.Alerts.AsNoTracking().Where(a => chunk.Contains(a.Key)).Select(a => a.Key).ToListAsync(cancellationToken));
        }

        var fresh = overdue.Where(o => !existing.Contains(o.AlertKey)).DistinctBy(o => o.AlertKey).Select(o => Alert(o, groupNames, now)).ToList();
        if (fresh.Count == 0)
        {
            return 0;
        }

        db.Alerts.AddRange(fresh);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return fresh.Count;
        }
        catch (DbUpdateException)
        {
            // Another sweep raised some of them meanwhile: one by one, skipping those now present.
            db.ChangeTracker.Clear();
            var inserted = 0;
            foreach (var alert in fresh)
            {
                if (await db.Alerts.AnyAsync(a => a.Key == alert.Key, cancellationToken))
                {
                    continue;
                }

                db.Alerts.Add(alert);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    inserted++;
                }
                catch (DbUpdateException)
                {
                    db.Entry(alert).State = EntityState.Detached;
                    if (!await db.Alerts.AnyAsync(a => a.Key == alert.Key, cancellationToken))
                    {
                        throw;
                    }
                }
            }

            return inserted;
        }
    }

    private static Alert Alert(OverdueReport o, IReadOnlyDictionary<Guid, string> groupNames, DateTimeOffset now)
    {
        var who = o.Session.GroupId is { } g && groupNames.TryGetValue(g, out var name) ? $" (groupe {name})" : "";
        var message = $"{o.Definition.Report!.Title} de la séance « {o.Definition.Title} »{who} non remis : attendu le {o.Due.ToString("d MMMM yyyy", French)}.";
        return new Alert(Guid.CreateVersion7(), o.Session.WaveId, o.Session.EnrolmentId, o.AlertKey, AlertSeverity.Warning, message, now);
    }
}
