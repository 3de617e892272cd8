using System.Globalization;
using Benchmark.Core.Roadmap;

namespace Benchmark.Web.Features.Roadmap;

public sealed class ActionRow
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? Lever { get; set; }

    public string? Owner { get; set; }

    public string? Start { get; set; }

    public string? Due { get; set; }

    public string? Priority { get; set; }

    public string? Status { get; set; }

    public string? Progress { get; set; }

    public string? ExpectedImpact { get; set; }

    public bool Remove { get; set; }
}

public sealed class TargetRow
{
    public string? Id { get; set; }

    public string? IndicatorId { get; set; }

    public string? Baseline { get; set; }

    public string? Target { get; set; }

    public string? Horizon { get; set; }

    public bool Remove { get; set; }
}

public sealed class CommunicationRow
{
    public string? Id { get; set; }

    public string? Audience { get; set; }

    public string? Message { get; set; }

    public string? Channel { get; set; }

    public string? When { get; set; }

    public string? Owner { get; set; }

    public bool Remove { get; set; }
}

/// <summary>
/// The roadmap editor's form: every line as typed. <see cref="Read"/> turns it into a <see cref="RoadmapDocument"/>
/// (blank and removed lines dropped) and checks it; errors are keyed by input name (<c>Actions[2].Due</c>).
/// </summary>
public sealed class RoadmapForm
{
    public List<ActionRow> Actions { get; set; } = [];

    public List<TargetRow> Targets { get; set; } = [];

    public List<RiskRow> Risks { get; set; } = [];

    public List<CommunicationRow> Communication { get; set; } = [];

    public static RoadmapForm From(RoadmapDocument document) => new()
    {
        Actions = [.. document.Actions.Select(a => new ActionRow
        {
            Id = a.Id, Title = a.Title, Lever = a.Lever, Owner = a.Owner, Start = FormRows.Iso(a.Start), Due = FormRows.Iso(a.Due),
            Priority = a.Priority.ToString(), Status = a.Status.ToString(), Progress = a.Progress.ToString(CultureInfo.InvariantCulture), ExpectedImpact = a.ExpectedImpact,
        })],
        Targets = [.. document.Targets.Select(t => new TargetRow
        {
            Id = t.Id, IndicatorId = t.IndicatorId, Baseline = FormRows.Invariant(t.Baseline), Target = FormRows.Invariant(t.Target), Horizon = FormRows.Iso(t.Horizon),
        })],
        Risks = [.. document.Risks.Select(RiskRow.From)],
        Communication = [.. document.Communication.Select(c => new CommunicationRow
        {
            Id = c.Id, Audience = c.Audience, Message = c.Message, Channel = c.Channel, When = FormRows.Iso(c.When), Owner = c.Owner,
        })],
    };

    /// <summary>Adds one empty line to each section: the way to add a line without script.</summary>
    public RoadmapForm WithBlankLines()
    {
        Actions.Add(new ActionRow { Priority = nameof(ActionPriority.Medium), Status = nameof(ActionStatus.NotStarted), Progress = "0" });
        Targets.Add(new TargetRow());
        Risks.Add(new RiskRow());
        Communication.Add(new CommunicationRow());
        return this;
    }

    public (RoadmapDocument Document, IReadOnlyList<FieldError> Errors) Read(IReadOnlyList<IndicatorChoice> indicators, bool forSubmission)
    {
        var errors = new List<FieldError>();
        var (actions, actionIndex) = ReadActions(errors);
        var (targets, targetIndex) = ReadTargets(errors);
        var (risks, riskIndex) = RiskRow.Read(Risks, nameof(Risks), errors);
        var (communication, communicationIndex) = ReadCommunication(errors);
        var document = new RoadmapDocument(actions, targets, risks, communication);

        IEnumerable<FieldError> checks = RoadmapValidator.Validate(document, indicators, forSubmission);
        checks = FormRows.Rekey(checks, nameof(Actions), actionIndex);
        checks = FormRows.Rekey(checks, nameof(Targets), targetIndex);
        checks = FormRows.Rekey(checks, nameof(Risks), riskIndex);
        checks = FormRows.Rekey(checks, nameof(Communication), communicationIndex);
        errors.AddRange(checks);
        return (document, errors);
    }

    private (List<RoadmapAction>, List<int>) ReadActions(List<FieldError> errors)
    {
        var (list, index) = (new List<RoadmapAction>(), new List<int>());
        for (var i = 0; i < Actions.Count; i++)
        {
            var row = Actions[i];
            if (row.Remove || FormRows.Blank(row.Title, row.Lever, row.Owner, row.Start, row.Due, row.ExpectedImpact))
            {
                continue;
            }

            var line = new LineReader(errors, $"{nameof(Actions)}[{i}]", $"Action {i + 1}");
            list.Add(new RoadmapAction(
                FormRows.IdOr(row.Id), FormRows.Text(row.Title), FormRows.Text(row.Lever), FormRows.Text(row.Owner),
                line.Date(row.Start, nameof(row.Start)), line.Date(row.Due, nameof(row.Due)),
                line.Choice(row.Priority, nameof(row.Priority), ActionPriority.Medium), line.Choice(row.Status, nameof(row.Status), ActionStatus.NotStarted),
                line.Integer(row.Progress, nameof(row.Progress), "l'avancement") ?? 0, FormRows.Text(row.ExpectedImpact)));
            index.Add(i);
        }

        return (list, index);
    }

    private (List<IndicatorTarget>, List<int>) ReadTargets(List<FieldError> errors)
    {
        var (list, index) = (new List<IndicatorTarget>(), new List<int>());
        for (var i = 0; i < Targets.Count; i++)
        {
            var row = Targets[i];
            if (row.Remove || FormRows.Blank(row.IndicatorId, row.Baseline, row.Target, row.Horizon))
            {
                continue;
            }

            var line = new LineReader(errors, $"{nameof(Targets)}[{i}]", $"Cible {i + 1}");
            list.Add(new IndicatorTarget(
                FormRows.IdOr(row.Id), FormRows.Text(row.IndicatorId), line.Number(row.Baseline, nameof(row.Baseline), "la valeur de départ"),
                line.Number(row.Target, nameof(row.Target), "la valeur cible"), line.Date(row.Horizon, nameof(row.Horizon))));
            index.Add(i);
        }

        return (list, index);
    }

    private (List<CommunicationItem>, List<int>) ReadCommunication(List<FieldError> errors)
    {
        var (list, index) = (new List<CommunicationItem>(), new List<int>());
        for (var i = 0; i < Communication.Count; i++)
        {
            var row = Communication[i];
            if (row.Remove || FormRows.Blank(row.Audience, row.Message, row.Channel, row.When, row.Owner))
            {
                continue;
            }

            var line = new LineReader(errors, $"{nameof(Communication)}[{i}]", $"Communication {i + 1}");
            list.Add(new CommunicationItem(
                FormRows.IdOr(row.Id), FormRows.Text(row.Audience), FormRows.Text(row.Message), FormRows.Text(row.Channel),
                line.Date(row.When, nameof(row.When)), FormRows.Text(row.Owner)));
            index.Add(i);
        }

        return (list, index);
    }
}
