using Benchmark.Core.Domain;
using Benchmark.Core.Roadmap;
using Benchmark.Data;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Roadmap;

/// <summary>Per enrolment, how many actions of its approved feuille de route are past due and not done.</summary>
public sealed record LateCount(Guid EnrolmentId, int Count);

/// <summary>
/// Late roadmap actions, in one query: the live states of the approved version (no later version exists for an
/// approved deliverable) whose due date has passed and which are not done. Callers pass enrolment ids they read
/// through the access scope.
/// </summary>
public static class LateActions
{
    public static async Task<IReadOnlyList<LateCount>> CountAsync(BenchmarkDbContext db, IReadOnlyCollection<Guid> enrolmentIds, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (enrolmentIds.Count == 0)
        {
            return [];
        }

        return await db.Set<RoadmapActionState>().AsNoTracking()
            .Where(s => enrolmentIds.Contains(s.EnrolmentId) && s.Due < today && s.Status != ActionStatus.Done
                && db.Deliverables.Any(d => d.EnrolmentId == s.EnrolmentId && d.DeliverableId == s.DeliverableId && d.Status == DeliverableStatus.Approved
                    && !d.Submissions.Any(x => x.Version > s.Version)))
            .GroupBy(s => s.EnrolmentId)
            .Select(g => new LateCount(g.Key, g.Count()))
            .ToListAsync(cancellationToken);
    }
}
