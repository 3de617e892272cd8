using Benchmark.Core.Common;
using Benchmark.Core.Definitions;

namespace Benchmark.Core.Scheduling;

/// <summary>
/// Resolves a definition's relative dates against a wave's anchors (Paris calendar days), following references
/// between sessions, milestones and phases, and refusing cycles.
/// </summary>
public sealed class ScheduleResolver
{
    private readonly WorkflowDefinition _definition;
    private readonly IReadOnlyDictionary<string, DateOnly> _anchors;
    private readonly Dictionary<string, DateOnly> _memo = new(StringComparer.Ordinal);
    private readonly List<string> _path = [];

    private ScheduleResolver(WorkflowDefinition definition, IReadOnlyDictionary<string, DateOnly> anchors)
    {
        _definition = definition;
        _anchors = anchors;
    }

    public static Result<ResolvedCalendar> Resolve(WorkflowDefinition definition, IReadOnlyDictionary<string, DateOnly> anchors)
    {
        var errors = TryResolve(definition, anchors, out var calendar);
        return errors.Count == 0 ? calendar! : Error.Invalid(string.Join(Environment.NewLine, errors.Select(e => e.Message)));
    }

    /// <summary>Resolves every date; returns all the problems found (empty when the calendar is complete).</summary>
    public static IReadOnlyList<ResolutionError> TryResolve(WorkflowDefinition definition, IReadOnlyDictionary<string, DateOnly> anchors, out ResolvedCalendar? calendar)
    {
        var resolver = new ScheduleResolver(definition, anchors);
        var errors = new List<ResolutionError>();
        foreach (var missing in definition.Anchors.Where(a => !anchors.ContainsKey(a.Id)))
        {
            errors.Add(new ResolutionError(null, $"la date d'ancrage '{missing.Id}' ({missing.Title}) n'est pas fournie"));
        }

        T? Try<T>(DateExpression? at, Func<T> compute)
            where T : class
        {
            try
            {
                return compute();
            }
            catch (ResolutionException ex)
            {
                errors.Add(new ResolutionError(ex.Expression ?? at, ex.Message));
                resolver._path.Clear();
                return null;
            }
        }

        var phases = definition.Phases.Select(p => Try(p.Due, () => new ResolvedPhase(p, resolver.Get("phase-start:" + p.Id), resolver.Get("phase-due:" + p.Id)))).ToList();
        var milestones = definition.Milestones.Select(m => Try(m.At, () => new ResolvedMilestone(m, resolver.Get("dated:" + m.Id)))).ToList();
        var sessions = definition.Sessions.Select(s => Try(s.At, () => resolver.Session(s))).ToList();
        var checklist = definition.ChecklistItems.Select(i => Try(i.Due, () => new ResolvedChecklistItem(i, resolver.ChecklistDue(i)))).ToList();
        var deliverables = definition.Deliverables.Select(d => Try(d.Due, () => new ResolvedDeliverable(d, resolver.Evaluate(d.Due)))).ToList();

        calendar = errors.Count > 0 ? null : new ResolvedCalendar(definition, anchors, phases!, milestones!, sessions!, checklist!, deliverables!);
        return errors;
    }

    private ResolvedSession Session(SessionDefinition s)
    {
        var start = Get("dated:" + s.Id);
        var end = Get("end:" + s.Id);
        var startUtc = ParisTime.ToUtc(start, s.Time);
        var endUtc = s.Duration.Days > 0 ? ParisTime.ToUtc(end, s.EndTime) : startUtc.AddMinutes(s.Duration.Minutes);
        return new ResolvedSession(s, start, end, startUtc, endUtc);
    }

    private DateOnly ChecklistDue(ChecklistItemDefinition item) =>
        item.Due is { } due ? Evaluate(due)
        : item.Milestone is { } milestone ? Get("dated:" + milestone)
        : Get("phase-due:" + _definition.PhaseOf(item.Id).Id);

    private DateOnly Evaluate(DateExpression expression)
    {
        var key = expression.Part switch
        {
            ReferencePart.Start => "dated:",
            ReferencePart.End => "end:",
            ReferencePart.PhaseStart => "phase-start:",
            ReferencePart.PhaseDue => "phase-due:",
        } + expression.Reference;
        DateOnly from;
        try
        {
            from = Get(key);
        }
        catch (ResolutionException ex) when (ex.Expression is null)
        {
            throw new ResolutionException(expression, $"date '{expression.Text}' : {ex.Message}");
        }

        try
        {
            return expression.Offset.AddTo(from);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new ResolutionException(expression, $"date '{expression.Text}' : hors du calendrier (avant l'an 1 ou après l'an 9999)");
        }
    }

    private DateOnly Get(string key)
    {
        if (_memo.TryGetValue(key, out var known))
        {
            return known;
        }

        if (_path.Contains(key))
        {
            var cycle = _path.SkipWhile(k => k != key).Append(key).Select(Describe);
            throw new ResolutionException(null, $"dates en boucle : {string.Join(" → ", cycle)} ; l'une de ces dates doit partir d'une ancre");
        }

        _path.Add(key);
        var value = Compute(key);
        _path.RemoveAt(_path.Count - 1);
        _memo[key] = value;
        return value;
    }

    private DateOnly Compute(string key)
    {
        var separator = key.IndexOf(':', StringComparison.Ordinal);
        var (kind, id) = (key[..separator], key[(separator + 1)..]);
        switch (kind)
        {
            case "phase-start" or "phase-due":
                var index = _definition.Phases.ToList().FindIndex(p => p.Id == id);
                if (index < 0)
                {
                    throw new ResolutionException(null, $"la phase '{id}' n'est pas déclarée (déclarées : {string.Join(", ", _definition.Phases.Select(p => p.Id))})");
                }

                var phase = _definition.Phases[index];
                if (kind == "phase-due")
                {
                    return Evaluate(phase.Due);
                }

                return phase.Start is { } start ? Evaluate(start)
                    : index > 0 ? Get("phase-due:" + _definition.Phases[index - 1].Id)
                    : Get("dated:" + _definition.Anchors[0].Id);
            case "end":
                var session = _definition.FindSession(id)
                    ?? throw new ResolutionException(null, $"'{id}.end' : '{id}' n'est pas une séance ('.end' ne s'applique qu'aux séances)");
                return Get("dated:" + id).AddDays(Math.Max(0, session.Duration.Days - 1));
            default:
                if (_definition.Anchors.Any(a => a.Id == id))
                {
                    return _anchors.TryGetValue(id, out var anchor) ? anchor : throw new ResolutionException(null, $"la date d'ancrage '{id}' n'est pas fournie");
                }

                if (_definition.FindSession(id) is { } s)
                {
                    return Evaluate(s.At);
                }

                if (_definition.Milestones.FirstOrDefault(m => m.Id == id) is { } milestone)
                {
                    return Evaluate(milestone.At);
                }

                throw new ResolutionException(null, $"'{id}' n'est ni une ancre, ni une séance, ni un jalon déclaré (ancres : {string.Join(", ", _definition.Anchors.Select(a => a.Id))})");
        }
    }

    private static string Describe(string key)
    {
        var separator = key.IndexOf(':', StringComparison.Ordinal);
        var (kind, id) = (key[..separator], key[(separator + 1)..]);
        return kind switch
        {
            "phase-start" => $"phase:{id}.start",
            "phase-due" => $"phase:{id}.due",
            "end" => id + ".end",
            _ => id,
        };
    }

    private sealed class ResolutionException(DateExpression? expression, string message) : Exception(message)
    {
        public DateExpression? Expression { get; } = expression;
    }
}
