namespace Benchmark.Core.Reminders;

/// <summary>A closed interval of instants.</summary>
public sealed record ReminderInterval(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>The smallest interval containing both.</summary>
    public ReminderInterval Union(ReminderInterval other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(From < other.From ? From : other.From, To > other.To ? To : other.To);
    }
}

/// <summary>
/// The session rows the reminder rules can reach at an instant (<see cref="ReminderPlanner.SessionReach"/>): those
/// starting in <paramref name="Starts"/> (rules before or after a session) or ending in <paramref name="Ends"/>
/// (rules on the report owed after it); null when no rule has that trigger.
/// </summary>
public sealed record ReminderReach(ReminderInterval? Starts, ReminderInterval? Ends);

/// <summary>What the calendar items of a wave need loaded for the planner (<see cref="ReminderPlanner.ItemNeeds"/>).</summary>
[Flags]
public enum ReminderNeeds
{
    None = 0,

    /// <summary>A deliverable, checklist item or phase has a reminder due: the enrolments' phase, checklist and deliverable statuses.</summary>
    ItemStates = 1,

    /// <summary>An indicator period has a reminder due: the indicator values reported.</summary>
    Indicators = 2,
}
