namespace Benchmark.Web.Features.Work;

/// <summary>What kind of work waits; the queue groups and words rows by it.</summary>
public enum WorkTaskKind
{
    /// <summary>A submitted deliverable (roadmap, dossier, report…) waits for the signed-in person's visa.</summary>
    Visa,

    /// <summary>A submitted indicator period waits for the consultant's validation.</summary>
    PeriodToValidate,

    /// <summary>A session is over and its minutes are not recorded.</summary>
    MinutesToRecord,

    /// <summary>A report to the ARS is owed after a session.</summary>
    ReportToSend,

    /// <summary>A session still only planned (no invites sent) starts within the planning horizon.</summary>
    SessionToSchedule,

    /// <summary>An establishment of the consultant's groups has items past due.</summary>
    EstablishmentLate,

    /// <summary>A checklist item the person's side owns (an ARS decision, a team task).</summary>
    ChecklistItem,

    /// <summary>A deliverable to submit (never submitted, or sent back).</summary>
    DeliverableToSubmit,

    /// <summary>An indicator period sent back to the team.</summary>
    PeriodSentBack,
}

/// <summary>Where a task sits: wave, group and programme (what the queue filters by).</summary>
public sealed record WorkPlace(Guid WaveId, string Wave, Guid? GroupId, string? Group, string Programme);

/// <summary>The decision a row can take in place: approve a deliverable version, validate a period.</summary>
public sealed record WorkAction(Guid EnrolmentId, string Target, int Version)
{
    /// <summary>The value of the row's selection checkbox (bulk decisions): enrolment, deliverable and version read.</summary>
    public string Key => $"{EnrolmentId:N}|{Target}|{Version}";

    public static WorkAction? Parse(string? key)
    {
        var parts = (key ?? "").Split('|');
        return parts.Length == 3 && Guid.TryParse(parts[0], out var enrolment) && parts[1].Length > 0 && int.TryParse(parts[2], out var version)
            ? new WorkAction(enrolment, parts[1], version)
            : null;
    }
}

/// <summary>
/// One line of « À traiter »: what to do (<see cref="Title"/>), for whom or what (<see cref="Subject"/>), waiting since
/// <see cref="Since"/>, due on <see cref="Due"/> when the programme gives a date, the page that does it, and the decision
/// the row can take in place when that is safe.
/// </summary>
public sealed record WorkTask(
    WorkTaskKind Kind, string Title, string Subject, WorkPlace Place, DateTimeOffset? Since, DateOnly? Due, bool Late, string Href, WorkAction? Action = null)
{
    /// <summary>The row's kind as the page marks it (<c>data-task</c>), in French like every address.</summary>
    public string Slug => Kind switch
    {
        WorkTaskKind.Visa => "visa",
        WorkTaskKind.PeriodToValidate => "periode",
        WorkTaskKind.MinutesToRecord => "compte-rendu",
        WorkTaskKind.ReportToSend => "rapport-ars",
        WorkTaskKind.SessionToSchedule => "seance-a-programmer",
        WorkTaskKind.EstablishmentLate => "etablissement-en-retard",
        WorkTaskKind.ChecklistItem => "element",
        WorkTaskKind.DeliverableToSubmit => "livrable-a-deposer",
        WorkTaskKind.PeriodSentBack => "periode-renvoyee",
    };
}

/// <summary>A queue in a sentence's parts: « 3 visas à donner », « 1 compte rendu à rédiger »… (kinds in queue order).</summary>
public static class WorkSummary
{
    public static IReadOnlyList<string> Of(IReadOnlyList<WorkTask> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        return [.. tasks.GroupBy(t => t.Kind).OrderBy(g => g.Key).Select(g => Words(g.Key, g.Count()))];
    }

    private static string Words(WorkTaskKind kind, int n)
    {
        var s = n > 1 ? "s" : "";
        return kind switch
        {
            WorkTaskKind.Visa => $"{n} visa{s} à donner",
            WorkTaskKind.PeriodToValidate => $"{n} période{s} d'indicateurs à valider",
            WorkTaskKind.MinutesToRecord => $"{n} compte{s} rendu{s} à rédiger",
            WorkTaskKind.ReportToSend => $"{n} rapport{(n > 1 ? "s" : "")} à remettre à l'ARS",
            WorkTaskKind.SessionToSchedule => $"{n} séance{s} à programmer",
            WorkTaskKind.EstablishmentLate => $"{n} établissement{s} en retard",
            WorkTaskKind.ChecklistItem => $"{n} élément{s} de check-list",
            WorkTaskKind.DeliverableToSubmit => $"{n} livrable{s} à déposer",
            WorkTaskKind.PeriodSentBack => $"{n} période{s} renvoyée{s} à corriger",
        };
    }
}
