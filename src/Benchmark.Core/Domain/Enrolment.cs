namespace Benchmark.Core.Domain;

public enum EnrolmentStatus
{
    Active,
    Completed,
    Withdrawn,
}

public enum PhaseStatus
{
    Pending,
    Open,
    Closed,
}

public enum ChecklistStatus
{
    Open,
    Done,
    NotApplicable,
}

public enum DeliverableStatus
{
    Draft,
    Submitted,
    ChangesRequested,
    Approved,
}

public enum ReviewDecision
{
    Approved,
    ChangesRequested,
}

/// <summary>
/// One establishment's journey through one wave: the workflow instance. Its state changes only through
/// the workflow engine, which checks each command against the definition first.
/// </summary>
public sealed class Enrolment
{
    private readonly List<PhaseProgress> _phases = [];
    private readonly List<ChecklistEntry> _checklist = [];
    private readonly List<Deliverable> _deliverables = [];
    private readonly List<GateDecision> _decisions = [];

    private Enrolment()
    {
    }

    public Enrolment(Guid id, Guid waveId, Guid groupId, Guid establishmentId)
    {
        (Id, WaveId, GroupId, EstablishmentId) = (id, waveId, groupId, establishmentId);
    }

    public Guid Id { get; private set; }

    public Guid WaveId { get; private set; }

    public Guid GroupId { get; private set; }

    public Guid EstablishmentId { get; private set; }

    public EnrolmentStatus Status { get; internal set; }

    /// <summary>The open phase; empty before the enrolment starts and after the last phase closes.</summary>
    public string CurrentPhaseId { get; internal set; } = "";

    public IReadOnlyList<PhaseProgress> Phases => _phases;

    public IReadOnlyList<ChecklistEntry> Checklist => _checklist;

    public IReadOnlyList<Deliverable> Deliverables => _deliverables;

    public IReadOnlyList<GateDecision> Decisions => _decisions;

    public PhaseProgress? Phase(string phaseId) => _phases.FirstOrDefault(p => p.PhaseId == phaseId);

    public ChecklistEntry? Entry(string itemId) => _checklist.FirstOrDefault(c => c.ItemId == itemId);

    public Deliverable? Deliverable(string deliverableId) => _deliverables.FirstOrDefault(d => d.DeliverableId == deliverableId);

    internal PhaseProgress AddPhase(string phaseId)
    {
        var phase = new PhaseProgress(Guid.CreateVersion7(), Id, phaseId);
        _phases.Add(phase);
        return phase;
    }

    internal ChecklistEntry EntryFor(string itemId)
    {
        var entry = Entry(itemId);
        if (entry is null)
        {
            entry = new ChecklistEntry(Guid.CreateVersion7(), Id, itemId);
            _checklist.Add(entry);
        }

        return entry;
    }

    internal Deliverable DeliverableFor(string deliverableId)
    {
        var deliverable = Deliverable(deliverableId);
        if (deliverable is null)
        {
            deliverable = new Deliverable(Guid.CreateVersion7(), Id, deliverableId);
            _deliverables.Add(deliverable);
        }

        return deliverable;
    }

    internal void AddDecision(GateDecision decision) => _decisions.Add(decision);
}

/// <summary>The state of one phase for one enrolment.</summary>
public sealed class PhaseProgress
{
    private PhaseProgress()
    {
    }

    internal PhaseProgress(Guid id, Guid enrolmentId, string phaseId) => (Id, EnrolmentId, PhaseId) = (id, enrolmentId, phaseId);

    public Guid Id { get; private set; }

    public Guid EnrolmentId { get; private set; }

    public string PhaseId { get; private set; } = "";

    public PhaseStatus Status { get; internal set; }

    public DateTimeOffset? OpenedAt { get; internal set; }

    public DateTimeOffset? ClosedAt { get; internal set; }

    public string? ClosedBy { get; internal set; }

    /// <summary>Set when an ArsAdmin closed the phase although its gate was not met.</summary>
    public string? ForcedJustification { get; internal set; }

    /// <summary>True when the phase closed itself the moment its gate was met (<see cref="ClosedBy"/> met the last condition).</summary>
    public bool ClosedAutomatically { get; internal set; }
}

/// <summary>A checklist item's state: who ticked it, when, with what comment (or why it does not apply).</summary>
public sealed class ChecklistEntry
{
    private ChecklistEntry()
    {
    }

    internal ChecklistEntry(Guid id, Guid enrolmentId, string itemId) => (Id, EnrolmentId, ItemId) = (id, enrolmentId, itemId);

    public Guid Id { get; private set; }

    public Guid EnrolmentId { get; private set; }

    public string ItemId { get; private set; } = "";

    public ChecklistStatus Status { get; internal set; }

    public string? By { get; internal set; }

    public DateTimeOffset? At { get; internal set; }

    public string? Comment { get; internal set; }
}

/// <summary>A deliverable of an enrolment with every submitted version and every review.</summary>
public sealed class Deliverable
{
    private readonly List<Submission> _submissions = [];
    private readonly List<Review> _reviews = [];

    private Deliverable()
    {
    }

    internal Deliverable(Guid id, Guid enrolmentId, string deliverableId) => (Id, EnrolmentId, DeliverableId) = (id, enrolmentId, deliverableId);

    public Guid Id { get; private set; }

    public Guid EnrolmentId { get; private set; }

    public string DeliverableId { get; private set; } = "";

    public DeliverableStatus Status { get; internal set; }

    public IReadOnlyList<Submission> Submissions => _submissions;

    public IReadOnlyList<Review> Reviews => _reviews;

    public int CurrentVersion => _submissions.Count == 0 ? 0 : _submissions.Max(s => s.Version);

    internal void Add(Submission submission) => _submissions.Add(submission);

    internal void Add(Review review) => _reviews.Add(review);
}

/// <summary>What was submitted: a file (stored outside the web root) or structured content (JSON).</summary>
public sealed record SubmissionContent(string? FileName, string? ContentType, long? Size, string? Sha256, string? StoragePath, string? StructuredJson);

public sealed class Submission
{
    private Submission()
    {
    }

    internal Submission(Guid id, Guid deliverableRecordId, int version, string submittedBy, DateTimeOffset submittedAt, SubmissionContent content)
    {
        (Id, DeliverableRecordId, Version, SubmittedBy, SubmittedAt) = (id, deliverableRecordId, version, submittedBy, submittedAt);
        (FileName, ContentType, Size, Sha256, StoragePath, StructuredJson) = content;
    }

    public Guid Id { get; private set; }

    public Guid DeliverableRecordId { get; private set; }

    public int Version { get; private set; }

    public string SubmittedBy { get; private set; } = "";

    public DateTimeOffset SubmittedAt { get; private set; }

    public string? FileName { get; private set; }

    public string? ContentType { get; private set; }

    public long? Size { get; private set; }

    public string? Sha256 { get; private set; }

    public string? StoragePath { get; private set; }

    public string? StructuredJson { get; private set; }
}

public sealed class Review
{
    private Review()
    {
    }

    internal Review(Guid id, Guid deliverableRecordId, int version, string reviewer, ReviewDecision decision, string? comment, DateTimeOffset at)
    {
        (Id, DeliverableRecordId, Version, Reviewer, Decision, Comment, At) = (id, deliverableRecordId, version, reviewer, decision, comment, at);
    }

    public Guid Id { get; private set; }

    public Guid DeliverableRecordId { get; private set; }

    public int Version { get; private set; }

    public string Reviewer { get; private set; } = "";

    public ReviewDecision Decision { get; private set; }

    public string? Comment { get; private set; }

    public DateTimeOffset At { get; private set; }
}

/// <summary>An explicit go / no-go on a phase gate (e.g. the ARS visit before an office-surgery launch).</summary>
public sealed class GateDecision
{
    private GateDecision()
    {
    }

    internal GateDecision(Guid id, Guid enrolmentId, string phaseId, bool go, string by, string? comment, DateTimeOffset at)
    {
        (Id, EnrolmentId, PhaseId, Go, By, Comment, At) = (id, enrolmentId, phaseId, go, by, comment, at);
    }

    public Guid Id { get; private set; }

    public Guid EnrolmentId { get; private set; }

    public string PhaseId { get; private set; } = "";

    public bool Go { get; private set; }

    public string By { get; private set; } = "";

    public string? Comment { get; private set; }

    public DateTimeOffset At { get; private set; }
}
