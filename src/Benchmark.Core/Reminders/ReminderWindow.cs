using Benchmark.Core.Definitions;
using Benchmark.Core.Scheduling;

namespace Benchmark.Core.Reminders;

/// <summary>One rule's view of the planning window (<c>now − lookback</c>, <c>now</c>].</summary>
internal sealed class ReminderWindow
{
    private readonly ReminderDefinition _rule;
    private readonly DateTimeOffset _now;
    private readonly DateTimeOffset _since;
    private readonly DateTimeOffset _reachFrom;
    private readonly DateTimeOffset _reachTo;
    private readonly Dictionary<DateOnly, DateTimeOffset?> _due = [];

    /// <summary>
    /// <paramref name="extraDays"/>: days a target's date may lie after the instant tested by <see cref="MayConcern"/> (a report's delay).
    /// </summary>
    public ReminderWindow(ReminderDefinition rule, DateTimeOffset now, DateTimeOffset since, int extraDays)
    {
        (_rule, _now, _since) = (rule, now, since);

        // The window's ends minus the offset, with slack for month ends, time of day, the clock change and minutes.
        var back = new Offset(-rule.Offset.Months, -rule.Offset.Days, 0);
        var slack = TimeSpan.FromDays(5 + extraDays + Math.Abs(rule.Offset.Minutes / (24 * 60)));
        (_reachFrom, _reachTo) = (back.AddTo(since) - slack, back.AddTo(now) + slack);
    }

    /// <summary>
    /// A cheap first filter for session rows: false when <paramref name="instant"/> is days away from any target
    /// the rule could fire for in this window, so most sessions of a large wave cost two comparisons.
    /// </summary>
    public bool MayConcern(DateTimeOffset instant) => instant >= ReachFrom && instant <= ReachTo;

    /// <summary>The first instant <see cref="MayConcern"/> accepts.</summary>
    public DateTimeOffset ReachFrom => _reachFrom;

    /// <summary>The last instant <see cref="MayConcern"/> accepts.</summary>
    public DateTimeOffset ReachTo => _reachTo;

    /// <summary>
    /// The days a target may lie on for the rule to fire inside the window, in order: the reach's days (its slack
    /// included) tested one by one with <see cref="DueWithin"/>, so a read can ask for exactly these.
    /// </summary>
    public IEnumerable<DateOnly> DueDays()
    {
        var last = DateOnly.FromDateTime(_reachTo.UtcDateTime).AddDays(1);
        for (var day = DateOnly.FromDateTime(_reachFrom.UtcDateTime).AddDays(-1); day <= last; day = day.AddDays(1))
        {
            if (DueWithin(day) is not null)
            {
                yield return day;
            }
        }
    }

    /// <summary>When the rule fires for a target on <paramref name="day"/>, if that instant is inside the window.</summary>
    public DateTimeOffset? DueWithin(DateOnly day)
    {
        // Days away from the reach (which has days of slack) cannot be due: no time zone arithmetic for them.
        var instant = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (instant < _reachFrom.AddDays(-1) || instant > _reachTo.AddDays(1))
        {
            return null;
        }

        if (!_due.TryGetValue(day, out var result))
        {
            var local = _rule.Offset.AddTo(day).ToDateTime(_rule.Time).AddMinutes(_rule.Offset.Minutes);
            var due = ParisTime.ToUtc(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
            result = due <= _now && due > _since ? due : null;
            _due[day] = result;
        }

        return result;
    }
}
