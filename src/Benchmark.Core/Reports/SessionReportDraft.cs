using System.Globalization;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Runtime;
using Benchmark.Core.Scheduling;

namespace Benchmark.Core.Reports;

/// <summary>What the report knows of one establishment before the consultant writes anything.</summary>
/// <param name="Enrolment">The establishment's enrolment, with its checklist, deliverables and phases.</param>
/// <param name="Establishment">Its name.</param>
/// <param name="OpenAlerts">Its alerts not yet resolved.</param>
/// <param name="IndicatorValues">Its indicator values (any period); the latest period of each indicator is reported.</param>
public sealed record ReportEstablishment(Enrolment Enrolment, string Establishment, IReadOnlyList<Alert> OpenAlerts, IReadOnlyList<IndicatorValue> IndicatorValues);

/// <summary>One establishment's figures, derived from the data (never typed by hand): each list is one item per line.</summary>
public sealed record ReportFigures(
    Guid EnrolmentId, string Establishment, ProgressFigure Progress, IReadOnlyList<string> Actions, IReadOnlyList<string> Delays,
    IReadOnlyList<string> Alerts, IReadOnlyList<string> Indicators)
{
    public SessionReportLine ToLine(Guid id, string? causes, string? comment) => new(
        id, EnrolmentId, Establishment, Progress.Done, Progress.Applicable,
        string.Join('\n', Actions), string.Join('\n', Delays), string.Join('\n', Alerts), string.Join('\n', Indicators), causes, comment);
}

/// <summary>
/// The figures of the consultant's report to the ARS, per establishment: progress from the checklist
/// (<see cref="Progress"/>), progress of each action of the programme, what is late on the day given
/// (required checklist items still open, deliverables not handed in, past their due date, in phases not closed),
/// open alerts, and the latest value of each indicator.
/// </summary>
public static class SessionReportDraft
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static IReadOnlyList<ReportFigures> Build(WorkflowDefinition definition, ResolvedCalendar? calendar, IEnumerable<ReportEstablishment> establishments, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(establishments);
        return [.. establishments.Select(e => Figures(definition, calendar, e, today))];
    }

    private static ReportFigures Figures(WorkflowDefinition definition, ResolvedCalendar? calendar, ReportEstablishment e, DateOnly today)
    {
        var enrolment = e.Enrolment;
        var actions = definition.Actions
            .Select(a => (a.Title, Figure: Progress.OfAction(definition, enrolment, a.Id)))
            .Where(a => a.Figure.Applicable > 0)
            .Select(a => $"{a.Title} : {Percent(a.Figure)} ({a.Figure.Done}/{a.Figure.Applicable})")
            .ToList();
        return new ReportFigures(enrolment.Id, e.Establishment, Progress.Overall(definition, enrolment), actions,
            Delays(definition, calendar, enrolment, today),
            [.. e.OpenAlerts.OrderBy(a => a.RaisedAt).Select(a => $"{a.Message} (depuis le {ParisDay(a.RaisedAt).ToString("d MMMM yyyy", French)})")],
            Indicators(definition, e.IndicatorValues));
    }

    public static string Percent(ProgressFigure figure) =>
        figure.Percent is { } p ? string.Create(French, $"{p:0.#} %") : "sans objet";

    private static List<string> Delays(WorkflowDefinition definition, ResolvedCalendar? calendar, Enrolment enrolment, DateOnly today)
    {
        if (calendar is null || enrolment.Status != EnrolmentStatus.Active)
        {
            return [];
        }

        var closed = enrolment.Phases.Where(p => p.Status == PhaseStatus.Closed).Select(p => p.PhaseId).ToHashSet(StringComparer.Ordinal);
        var open = definition.Phases.Where(p => !closed.Contains(p.Id)).ToList();
        var checklist = open.SelectMany(p => p.Checklist).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var deliverables = open.SelectMany(p => p.Deliverables).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var late = calendar.Checklist
            .Where(c => c.Due < today && checklist.Contains(c.Definition.Id) && !c.Definition.Optional
                && (enrolment.Entry(c.Definition.Id)?.Status ?? ChecklistStatus.Open) == ChecklistStatus.Open)
            .Select(c => (c.Due, Text: $"Check-list : {c.Definition.Text}"))
            .Concat(calendar.Deliverables
                .Where(d => d.Due < today && deliverables.Contains(d.Definition.Id)
                    && (enrolment.Deliverable(d.Definition.Id)?.Status ?? DeliverableStatus.Draft) is DeliverableStatus.Draft or DeliverableStatus.ChangesRequested)
                .Select(d => (d.Due, Text: $"Livrable : {d.Definition.Title}")));
        return [.. late.OrderBy(x => x.Due).Select(x => $"{x.Text} — attendu le {x.Due.ToString("d MMMM yyyy", French)}")];
    }

    private static List<string> Indicators(WorkflowDefinition definition, IReadOnlyList<IndicatorValue> values) =>
        [.. values
            .GroupBy(v => v.IndicatorId, StringComparer.Ordinal)
            .Select(g =>
            {
                var period = g.Select(v => v.Period).Max(StringComparer.Ordinal)!;
                var indicator = definition.Indicators.FirstOrDefault(i => i.Id == g.Key);
                var latest = g.Where(v => v.Period == period).OrderBy(v => v.InputId, StringComparer.Ordinal).ToList();
                var figures = string.Join(" ; ", latest.Select(v =>
                {
                    var input = indicator?.Inputs.FirstOrDefault(i => i.Id == v.InputId);
                    var value = v.Value is { } x ? x.ToString("0.##", French) : "non renseigné";
                    var unit = input?.Unit ?? (v.InputId.Length == 0 ? indicator?.Unit : null);
                    var label = v.InputId.Length == 0 ? "" : $"{input?.Title ?? v.InputId} : ";
                    return $"{label}{value}{(string.IsNullOrWhiteSpace(unit) ? "" : " " + unit)}";
                }));
                return $"{indicator?.Title ?? g.Key} ({period}) — {figures}";
            })
            .Order(StringComparer.Ordinal)];

    private static DateOnly ParisDay(DateTimeOffset instant) => DateOnly.FromDateTime(ParisTime.ToParis(instant).DateTime);
}
