using System.Globalization;
using Benchmark.Core.Common;
using Benchmark.Core.Definitions;

namespace Benchmark.Core.Scheduling;

/// <summary>
/// Resolves a definition's relative dates against a wave's anchors (Paris calendar days), following references
/// between sessions, milestones and phases, and refusing cycles. A date that falls on a weekend or a public holiday
/// moves as its expression says (next working day by default) and the move is recorded with its reason; a reference
/// to a session, milestone or phase gives its date after that move.
/// </summary>
public sealed class ScheduleResolver
{
    private readonly WorkflowDefinition _definition;
    private readonly IReadOnlyDictionary<string, DateOnly> _anchors;
    private readonly WorkingCalendar _workingDays;
    private readonly Dictionary<string, DateOnly> _memo = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateMove> _moves = new(StringComparer.Ordinal);
    private readonly List<string> _path = [];

    private ScheduleResolver(WorkflowDefinition definition, IReadOnlyDictionary<string, DateOnly> anchors, WorkingCalendar workingDays)
    {
        _definition = definition;
        _anchors = anchors;
        _workingDays = workingDays;
    }

    /// <summary>Resolves every date on <paramref name="workingDays"/> (default: the definition's <c>holidays</c>).</summary>
    public static Result<ResolvedCalendar> Resolve(
        WorkflowDefinition definition, IReadOnlyDictionary<string, DateOnly> anchors, WorkingCalendar? workingDays = null)
    {
        var errors = TryResolve(definition, anchors, out var calendar, workingDays);
        return errors.Count == 0 ? calendar! : Error.Invalid(string.Join(Environment.NewLine, errors.Select(e => e.Message)));
    }

    /// <summary>
    /// The anchors a wave gives out of the order the definition declares them (e.g. J* before J), each with the
    /// reason. A wave is refused for these; stored waves still resolve, so their pages keep working.
    /// </summary>
    public static IReadOnlyList<ResolutionError> AnchorsOutOfOrder(WorkflowDefinition definition, IReadOnlyDictionary<string, DateOnly> anchors)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(anchors);
        var errors = new List<ResolutionError>();
        AnchorDefinition? latest = null;
        foreach (var anchor in definition.Anchors.Where(a => anchors.ContainsKey(a.Id)))
        {
            if (latest is not null && anchors[anchor.Id] < anchors[latest.Id])
            {
                errors.Add(new ResolutionError(null,
                    $"la date « {anchor.Title} » ({anchor.Id}) du {Day(anchors[anchor.Id])} précède la date « {latest.Title} » ({latest.Id}) " +
                    $"du {Day(anchors[latest.Id])} : le programme les veut dans l'ordre {string.Join(", ", definition.Anchors.Select(a => a.Id))}",
                    anchor.Id));
            }
            else
            {
                latest = anchor;
            }
        }

        return errors;
    }

    /// <summary>Resolves every date; returns all the problems found (empty when the calendar is complete).</summary>
    public static IReadOnlyList<ResolutionError> TryResolve(
        WorkflowDefinition definition, IReadOnlyDictionary<string, DateOnly> anchors, out ResolvedCalendar? calendar, WorkingCalendar? workingDays = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var resolver = new ScheduleResolver(definition, anchors, workingDays ?? WorkingCalendar.For(definition.Holidays));
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

        var phases = definition.Phases.Select(p => Try(p.Due, () => new ResolvedPhase(p, resolver.Get("phase-start:" + p.Id), resolver.Get("phase-due:" + p.Id))
        {
            Moved = resolver.MoveOf("phase-due:" + p.Id),
        })).ToList();
        var milestones = definition.Milestones.Select(m => Try(m.At, () => new ResolvedMilestone(m, resolver.Get("dated:" + m.Id))
        {
            Moved = resolver.MoveOf("dated:" + m.Id),
        })).ToList();
        var sessions = definition.Sessions.Select(s => Try(s.At, () => resolver.Session(s))).ToList();
        var checklist = definition.ChecklistItems.Select(i => Try(i.Due, () => resolver.Checklist(i))).ToList();
        var deliverables = definition.Deliverables.Select(d => Try(d.Due, () => new ResolvedDeliverable(d, resolver.Evaluate(d.Due, "deliverable:" + d.Id))
        {
            Moved = resolver.MoveOf("deliverable:" + d.Id),
        })).ToList();

        calendar = errors.Count > 0 ? null : new ResolvedCalendar(definition, anchors, phases!, milestones!, sessions!, checklist!, deliverables!)
        {
            WorkingDays = resolver._workingDays,
        };
        return errors;
    }

    private static string Day(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private DateMove? MoveOf(string key) => _moves.GetValueOrDefault(key);

    private ResolvedSession Session(SessionDefinition s)
    {
        var start = Get("dated:" + s.Id);
        var end = Get("end:" + s.Id);
        var startUtc = ParisTime.ToUtc(start, s.Time);
        var endUtc = s.Duration.Days > 0 ? ParisTime.ToUtc(end, s.EndTime) : startUtc.AddMinutes(s.Duration.Minutes);
        var reportDue = s.Report is { } report ? Move("report:" + s.Id, report.Due.AddTo(end, _workingDays), NonWorkingDayRule.NextWorkingDay) : (DateOnly?)null;
        return new ResolvedSession(s, start, end, startUtc, endUtc)
        {
            ReportDue = reportDue,
            Moved = MoveOf("dated:" + s.Id),
            ReportMoved = MoveOf("report:" + s.Id),
        };
    }

    private ResolvedChecklistItem Checklist(ChecklistItemDefinition item)
    {
        var key = "checklist:" + item.Id;
        var due = item.Due is { } expression ? Evaluate(expression, key)
            : item.Milestone is { } milestone ? Inherit(key, "dated:" + milestone)
            : Inherit(key, "phase-due:" + _definition.PhaseOf(item.Id).Id);
        return new ResolvedChecklistItem(item, due) { Moved = MoveOf(key) };
    }

    /// <summary>A date taken from another one, with that one's move (a checklist item due at its milestone).</summary>
    private DateOnly Inherit(string key, string from)
    {
        var date = Get(from);
        if (MoveOf(from) is { } move)
        {
            _moves[key] = move;
        }

        return date;
    }

    /// <summary>The date off a non-working day as <paramref name="rule"/> says; a move is recorded under <paramref name="key"/>.</summary>
    private DateOnly Move(string key, DateOnly date, NonWorkingDayRule rule)
    {
        if (rule == NonWorkingDayRule.Keep || _workingDays.NonWorkingReason(date) is not { } reason)
        {
            return date;
        }

        var moved = _workingDays.NextWorkingDay(date, rule == NonWorkingDayRule.PreviousWorkingDay ? -1 : 1);
        _moves[key] = new DateMove(date, moved, reason);
        return moved;
    }

    private DateOnly Evaluate(DateExpression expression, string key)
    {
        var reference = expression.Part switch
        {
            ReferencePart.Start => "dated:",
            ReferencePart.End => "end:",
            ReferencePart.PhaseStart => "phase-start:",
            ReferencePart.PhaseDue => "phase-due:",
        } + expression.Reference;
        DateOnly from;
        try
        {
            from = Get(reference);
        }
        catch (ResolutionException ex) when (ex.Expression is null)
        {
            throw new ResolutionException(expression, $"date '{expression.Text}' : {ex.Message}");
        }

        try
        {
            return Move(key, expression.Offset.AddTo(from, _workingDays), expression.OnNonWorkingDay);
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
                    return Evaluate(phase.Due, key);
                }

                return phase.Start is { } start ? Evaluate(start, key)
                    : index > 0 ? Get("phase-due:" + _definition.Phases[index - 1].Id)
                    : Get("dated:" + _definition.Anchors[0].Id);
            case "end":
                var session = _definition.FindSession(id)
                    ?? throw new ResolutionException(null, $"'{id}.end' : '{id}' n'est pas une séance ('.end' ne s'applique qu'aux séances)");
                var extra = Math.Max(0, session.Duration.Days - 1);
                return session.At.OnNonWorkingDay == NonWorkingDayRule.Keep
                    ? Get("dated:" + id).AddDays(extra)
                    : _workingDays.AddWorkingDays(Get("dated:" + id), extra);
            default:
                if (_definition.Anchors.Any(a => a.Id == id))
                {
                    return _anchors.TryGetValue(id, out var anchor) ? anchor : throw new ResolutionException(null, $"la date d'ancrage '{id}' n'est pas fournie");
                }

                if (_definition.FindSession(id) is { } s)
                {
                    return Evaluate(s.At, key);
                }

                if (_definition.Milestones.FirstOrDefault(m => m.Id == id) is { } milestone)
                {
                    return Evaluate(milestone.At, key);
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
