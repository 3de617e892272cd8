using Benchmark.Core.Common;

namespace Benchmark.Core.Indicators;

/// <summary>
/// A change the team tested (a PDSA cycle), noted on its run charts at the date it began: on one indicator of the
/// enrolment, or on all of them (<see cref="IndicatorId"/> null). Written by the establishment's team, read by its
/// consultant and the ARS too.
/// </summary>
public sealed class ChartAnnotation
{
    public const int MaxText = 300;

    private ChartAnnotation()
    {
    }

    private ChartAnnotation(Guid id, Guid enrolmentId, string? indicatorId, DateOnly date, string text, string author, DateTimeOffset at) =>
        (Id, EnrolmentId, IndicatorId, Date, Text, Author, At) = (id, enrolmentId, indicatorId, date, text, author, at);

    public Guid Id { get; private set; }

    public Guid EnrolmentId { get; private set; }

    /// <summary>The indicator's id in the definition, or null for every indicator of the enrolment.</summary>
    public string? IndicatorId { get; private set; }

    /// <summary>When the change began (the chart marks the period that contains it).</summary>
    public DateOnly Date { get; private set; }

    public string Text { get; private set; } = "";

    public string Author { get; private set; } = "";

    public DateTimeOffset At { get; private set; }

    /// <summary>A new annotation, or why not: a date and a text (at most <see cref="MaxText"/> characters) are needed.</summary>
    public static Result<ChartAnnotation> Create(
        Guid id, Guid enrolmentId, string? indicatorId, DateOnly? date, string? text, string author, DateTimeOffset now)
    {
        if (date is not { } day)
        {
            return Error.Invalid("Indiquez la date du changement.", "Date");
        }

        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return Error.Invalid("Décrivez le changement testé.", "Texte");
        }

        if (trimmed.Length > MaxText)
        {
            return Error.Invalid($"Le texte dépasse {MaxText} caractères : résumez le changement.", "Texte");
        }

        return new ChartAnnotation(id, enrolmentId, string.IsNullOrWhiteSpace(indicatorId) ? null : indicatorId, day, trimmed, author, now);
    }
}
