using Benchmark.Core.Common;

namespace Benchmark.Core.Roadmap;

/// <summary>
/// The live state of one action of a submitted feuille de route version: written with the version (its title and due
/// date copied, so lateness is a plain query), then updated by the team during implementation once the version is
/// approved. Each update leaves a <see cref="RoadmapActionUpdate"/> (the action's progress history) that the caller
/// stores and audits.
/// </summary>
public sealed class RoadmapActionState
{
    /// <summary>Longest comment kept with an update.</summary>
    public const int MaxCommentLength = 2000;

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

    /// <summary>
    /// Sets status and progress (a done action is at 100 %) with an optional comment; returns the history entry of the
    /// change (state before and after), or the French reason it was refused (nothing changed then).
    /// </summary>
    public Result<RoadmapActionUpdate> Update(ActionStatus status, int progress, string? comment, string by, DateTimeOffset now)
    {
        if (!Enum.IsDefined(status))
        {
            return Error.Invalid("Choisissez un statut de la liste.", nameof(Status));
        }

        if (progress is < 0 or > 100)
        {
            return Error.Invalid("L'avancement est un pourcentage entre 0 et 100.", nameof(Progress));
        }

        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (text is { Length: > MaxCommentLength })
        {
            return Error.Invalid($"Le commentaire dépasse {MaxCommentLength} caractères.", "Comment");
        }

        var (beforeStatus, beforeProgress) = (Status, Progress);
        (Status, Progress, UpdatedBy, UpdatedAt) = (status, status == ActionStatus.Done ? 100 : progress, by, now);
        return new RoadmapActionUpdate(Guid.CreateVersion7(), Id, now, by, beforeStatus, beforeProgress, Status, Progress, text);
    }

    /// <summary>« En cours, 40 % »: how the audit trail records the state.</summary>
    public string Describe() => RoadmapActionUpdate.Describe(Status, Progress);
}

/// <summary>One update of an action's progress during implementation: who, when, from what to what, and why.</summary>
public sealed class RoadmapActionUpdate
{
    private RoadmapActionUpdate()
    {
    }

    public RoadmapActionUpdate(Guid id, Guid actionStateId, DateTimeOffset at, string by, ActionStatus previousStatus, int previousProgress,
        ActionStatus status, int progress, string? comment)
    {
        (Id, ActionStateId, At, By) = (id, actionStateId, at, by);
        (PreviousStatus, PreviousProgress, Status, Progress, Comment) = (previousStatus, previousProgress, status, progress, comment);
    }

    public Guid Id { get; private set; }

    public Guid ActionStateId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string By { get; private set; } = "";

    public ActionStatus PreviousStatus { get; private set; }

    public int PreviousProgress { get; private set; }

    public ActionStatus Status { get; private set; }

    public int Progress { get; private set; }

    public string? Comment { get; private set; }

    public string Before => Describe(PreviousStatus, PreviousProgress);

    public string After => Describe(Status, Progress);

    /// <summary>« En cours, 40 % ».</summary>
    public static string Describe(ActionStatus status, int progress) =>
        $"{RoadmapText.Status(status)}, {progress.ToString(System.Globalization.CultureInfo.InvariantCulture)} %";
}
