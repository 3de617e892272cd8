using Benchmark.Core.Scheduling;

namespace Benchmark.Core.Definitions;

/// <summary>The words of the YAML format for each enum, in one place (README.md and schema.json list the same).</summary>
internal static class Vocabulary
{
    public static readonly IReadOnlyDictionary<string, RoleSide> Sides = Map(
        ("establishment", RoleSide.Establishment), ("consultant", RoleSide.Consultant), ("ars", RoleSide.Ars));

    public static readonly IReadOnlyDictionary<string, HolidayRegion> HolidayRegions = Map(
        ("france", HolidayRegion.France), ("alsace-moselle", HolidayRegion.AlsaceMoselle));

    public static readonly IReadOnlyDictionary<string, SessionKind> SessionKinds = Map(
        ("collective", SessionKind.Collective), ("individual", SessionKind.Individual), ("internal", SessionKind.Internal));

    public static readonly IReadOnlyDictionary<string, SessionMode> Modes = Map(
        ("presentiel", SessionMode.Presentiel), ("visio", SessionMode.Visio), ("telephone", SessionMode.Telephone), ("hybride", SessionMode.Hybride));

    public static readonly IReadOnlyDictionary<string, DeliverableKind> DeliverableKinds = Map(
        ("document", DeliverableKind.Document), ("roadmap", DeliverableKind.Roadmap), ("candidature", DeliverableKind.Candidature), ("report", DeliverableKind.Report));

    public static readonly IReadOnlyDictionary<string, ColumnType> ColumnTypes = Map(
        ("date", ColumnType.Date), ("choice", ColumnType.Choice), ("integer", ColumnType.Integer), ("number", ColumnType.Number), ("text", ColumnType.Text));

    public static readonly IReadOnlyDictionary<string, IndicatorPeriod> Periods = Map(
        ("month", IndicatorPeriod.Month), ("bimonth", IndicatorPeriod.Bimonth), ("quarter", IndicatorPeriod.Quarter),
        ("semester", IndicatorPeriod.Semester), ("year", IndicatorPeriod.Year));

    public static readonly IReadOnlyDictionary<string, IndicatorDirection> Directions = Map(
        ("higher", IndicatorDirection.Higher), ("lower", IndicatorDirection.Lower), ("neutral", IndicatorDirection.Neutral));

    public static readonly IReadOnlyDictionary<string, IndicatorCategory> Categories = Map(
        ("socle", IndicatorCategory.Socle), ("specifique", IndicatorCategory.Specifique), ("experimental", IndicatorCategory.Experimental),
        ("routine", IndicatorCategory.Routine), ("resultat", IndicatorCategory.Resultat));

    public static readonly IReadOnlyDictionary<string, GridAggregate> Aggregates = Map(
        ("count", GridAggregate.Count), ("sum", GridAggregate.Sum), ("mean", GridAggregate.Mean));

    public static readonly IReadOnlyDictionary<string, ReminderTrigger> Triggers = Map(
        ("session.start", ReminderTrigger.SessionStart), ("session.report-due", ReminderTrigger.SessionReportDue),
        ("deliverable.due", ReminderTrigger.DeliverableDue), ("checklist.due", ReminderTrigger.ChecklistDue),
        ("phase.due", ReminderTrigger.PhaseDue), ("indicator.due", ReminderTrigger.IndicatorDue));

    public static readonly IReadOnlyDictionary<string, ReminderCondition> Conditions = Map(
        ("pending", ReminderCondition.Pending), ("always", ReminderCondition.Always));

    /// <summary>The pseudo-role of reminders that goes to whoever owns the item.</summary>
    public const string OwnerAudience = "owner";

    private static Dictionary<string, T> Map<T>(params (string Name, T Value)[] pairs) =>
        pairs.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
}
