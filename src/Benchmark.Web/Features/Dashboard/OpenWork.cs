using Benchmark.Core.Domain;

namespace Benchmark.Web.Features.Dashboard;

public enum WorkKind
{
    Checklist,
    Deliverable,
}

/// <summary>Something an enrolment still has to do, by whom (a definition role) and by when.</summary>
public sealed record WorkItem(WorkKind Kind, string Title, string OwnerRole, DateOnly? Due)
{
    public bool IsLate(DateOnly today) => Due < today;
}

/// <summary>
/// What is left to do on an active enrolment: required checklist items still open and deliverables not submitted
/// (draft or sent back), in phases not closed. A submitted deliverable waits on its reviewer, not on its owner,
/// so it is never late; a phase closed (even forced) leaves nothing behind it.
/// </summary>
public static class OpenWork
{
    public static IReadOnlyList<WorkItem> Of(WaveProgramme programme, Enrolment enrolment)
    {
        if (enrolment.Status != EnrolmentStatus.Active)
        {
            return [];
        }

        var closed = enrolment.Phases.Where(p => p.Status == PhaseStatus.Closed).Select(p => p.PhaseId).ToHashSet(StringComparer.Ordinal);
        var work = new List<WorkItem>();
        foreach (var phase in programme.Definition.Phases.Where(p => !closed.Contains(p.Id)))
        {
            work.AddRange(phase.Checklist
                .Where(i => !i.Optional && (enrolment.Entry(i.Id)?.Status ?? ChecklistStatus.Open) == ChecklistStatus.Open)
                .Select(i => new WorkItem(WorkKind.Checklist, i.Text, i.Owner, programme.ChecklistDue(i.Id))));
            work.AddRange(phase.Deliverables
                .Where(d => (enrolment.Deliverable(d.Id)?.Status ?? DeliverableStatus.Draft) is DeliverableStatus.Draft or DeliverableStatus.ChangesRequested)
                .Select(d => new WorkItem(WorkKind.Deliverable, d.Title, d.Owner, programme.DeliverableDue(d.Id))));
        }

        return [.. work.OrderBy(w => w.Due ?? DateOnly.MaxValue)];
    }
}
