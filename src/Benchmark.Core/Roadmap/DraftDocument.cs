namespace Benchmark.Core.Roadmap;

/// <summary>
/// The working draft of a structured deliverable (feuille de route, dossier de candidature) of one enrolment: the
/// team edits it as often as it likes; submitting copies it into a new version of the deliverable.
/// </summary>
public sealed class DraftDocument
{
    private DraftDocument()
    {
    }

    public DraftDocument(Guid id, Guid enrolmentId, string deliverableId, string json, string by, DateTimeOffset now)
    {
        (Id, EnrolmentId, DeliverableId) = (id, enrolmentId, deliverableId);
        Save(json, by, now);
    }

    public Guid Id { get; private set; }

    public Guid EnrolmentId { get; private set; }

    public string DeliverableId { get; private set; } = "";

    public string Json { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public void Save(string json, string by, DateTimeOffset now) => (Json, UpdatedBy, UpdatedAt) = (json, by, now);
}
