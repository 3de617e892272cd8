using Benchmark.Core.Roadmap;

namespace Benchmark.Core.OfficeSurgery;

/// <summary>When a complication occurred, as the office-surgery indicators split them (seed 003, section H).</summary>
public enum AdverseEventTiming
{
    PerOperative,
    Early,
    Intermediate,
    Late,
}

/// <summary>
/// A serious adverse event (événement indésirable grave, EIG) reported by an office-surgery team: « tout événement
/// indésirable grave sera signalé à l'ARS dans les plus brefs délais ». Reporting raises a critical alert and mails
/// the wave's ARS referents at once. Never changed afterwards (a new report completes it).
/// </summary>
public sealed class AdverseEvent
{
    private AdverseEvent()
    {
    }

    public Guid Id { get; private set; }

    public Guid EnrolmentId { get; private set; }

    public Guid WaveId { get; private set; }

    public DateOnly OccurredOn { get; private set; }

    public AdverseEventTiming Timing { get; private set; }

    public string? CcamCode { get; private set; }

    public string Description { get; private set; } = "";

    public string Measures { get; private set; } = "";

    public string ReportedBy { get; private set; } = "";

    public DateTimeOffset ReportedAt { get; private set; }

    public static string TimingText(AdverseEventTiming timing) => timing switch
    {
        AdverseEventTiming.PerOperative => "per opératoire",
        AdverseEventTiming.Early => "post opératoire précoce (< 48 h)",
        AdverseEventTiming.Intermediate => "post opératoire de 48 h à 30 jours",
        AdverseEventTiming.Late => "post opératoire tardive (> 30 jours)",
    };

    /// <summary>Checks a report (date not in the future, timing, optional CCAM code, description and measures) and builds the event.</summary>
    public static (AdverseEvent? Event, IReadOnlyList<FieldError> Errors) Report(
        Guid id, Guid enrolmentId, Guid waveId, DateOnly? occurredOn, AdverseEventTiming? timing, string? ccam, string? description, string? measures,
        string by, DateTimeOffset now, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (occurredOn is not { } date)
        {
            errors.Add(new(nameof(OccurredOn), "Indiquez la date de l'événement (JJ/MM/AAAA)."));
        }
        else if (date > today)
        {
            errors.Add(new(nameof(OccurredOn), "La date de l'événement ne peut être dans le futur."));
        }

        if (timing is not { } t || !Enum.IsDefined(t))
        {
            errors.Add(new(nameof(Timing), "Indiquez quand l'événement est survenu (per opératoire, < 48 h, 48 h à 30 jours, > 30 jours)."));
        }

        string? code = null;
        if (!string.IsNullOrWhiteSpace(ccam))
        {
            var parsed = Ccam.Parse(ccam);
            if (parsed.IsSuccess)
            {
                code = parsed.Value.Value;
            }
            else
            {
                errors.Add(new(nameof(CcamCode), parsed.Error!.Message));
            }
        }

        if (string.IsNullOrWhiteSpace(description))
        {
            errors.Add(new(nameof(Description), "Décrivez l'événement."));
        }
        else if (description.Length > 4000)
        {
            errors.Add(new(nameof(Description), "La description compte 4 000 caractères au plus."));
        }

        if (string.IsNullOrWhiteSpace(measures))
        {
            errors.Add(new(nameof(Measures), "Indiquez les mesures immédiates prises."));
        }
        else if (measures.Length > 4000)
        {
            errors.Add(new(nameof(Measures), "Les mesures comptent 4 000 caractères au plus."));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new AdverseEvent
        {
            Id = id, EnrolmentId = enrolmentId, WaveId = waveId, OccurredOn = occurredOn!.Value, Timing = timing!.Value, CcamCode = code,
            Description = description!.Trim(), Measures = measures!.Trim(), ReportedBy = by, ReportedAt = now,
        }, errors);
    }
}
