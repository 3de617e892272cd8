using Benchmark.Core.Common;

namespace Benchmark.Core.Roadmap;

/// <summary>
/// The live state of one action of a submitted feuille de route version: written with the version (its title and due
/// date copied, so lateness is a plain query), then updated by the team during implementation once the version is
/// approved. Each update is audited by the caller with the before/after this returns.
/// </summary>
public sealed class RoadmapActionState
{
    private RoadmapActionState()
    {
    }

    public RoadmapActionState(Guid id, Guid enrolmentId, string deliverableId, int version, RoadmapAction action, DateTimeOffset now, string by)
    {
        ArgumentNullException.ThrowIfNull(action);
        (Id, EnrolmentId, DeliverableId, Version, ActionId) = (id, enrolmentId, deliverableId, version, action.Id);
        (Title, Due, Status, Progress, UpdatedAt, UpdatedBy) = (action.Title, action.Due, action.Status, action.Progress, now, by);
    }

    public Guid Id { get; private set; }

    public Guid EnrolmentId { get; private set; }

    public string DeliverableId { get; private set; } = "";

    public int Version { get; private set; }

    public string ActionId { get; private set; } = "";

    public string Title { get; private set; } = "";

    public DateOnly? Due { get; private set; }

    public ActionStatus Status { get; private set; }

    public int Progress { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public bool IsLate(DateOnly today) => Due is { } due && due < today && Status != ActionStatus.Done;

    /// <summary>Sets status and progress (a done action is at 100 %); returns the state before, for the audit trail.</summary>
    public Result<string> Update(ActionStatus status, int progress, string by, DateTimeOffset now)
    {
        if (progress is < 0 or > 100)
        {
            return Error.Invalid("L'avancement est un pourcentage entre 0 et 100.");
        }

        if (!Enum.IsDefined(status))
        {
            return Error.Invalid("Choisissez un statut de la liste.");
        }

        var before = Describe();
        (Status, Progress, UpdatedBy, UpdatedAt) = (status, status == ActionStatus.Done ? 100 : progress, by, now);
        return before;
    }

    /// <summary>« En cours, 40 % »: how the audit trail records the state.</summary>
    public string Describe() => $"{RoadmapText.Status(Status)}, {Progress.ToString(System.Globalization.CultureInfo.InvariantCulture)} %";
}
