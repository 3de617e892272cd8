using System.Globalization;
using Benchmark.Core.Definitions;
using Benchmark.Core.Scheduling;

namespace Benchmark.Core.Reminders;

/// <summary>
/// The values a reminder template reads (Fluid: <c>{{ title }}</c>), all strings, dates in French and Paris time.
/// Always: <c>programme</c>, <c>programme_id</c>, <c>wave_id</c>, <c>rule</c>, <c>target_kind</c>, <c>title</c>,
/// <c>date</c> (the target's day, "lundi 5 avril 2027"), <c>date_iso</c>, <c>days</c> (whole days between the
/// reminder and that day), <c>timing</c> (<c>before</c>, <c>same-day</c>, <c>after</c>), <c>recipient_name</c>,
/// <c>recipient_email</c>; when known <c>group_id</c>, <c>group_name</c>, <c>enrolment_id</c>,
/// <c>establishment_id</c>, <c>establishment_name</c>. Sessions add <c>session_id</c>, <c>session_kind</c>,
/// <c>session_status</c>, <c>start</c> ("lundi 5 avril 2027 à 09:00"), <c>start_time</c>, <c>end_time</c>,
/// <c>location</c>, <c>visio_url</c> (and <c>report_title</c> for a report); items add <c>item_id</c> and
/// <c>status</c>; indicator periods add <c>period</c>, <c>period_title</c> and <c>indicators</c> (those not reported).
/// </summary>
internal static class ReminderModel
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static Dictionary<string, string> ForSession(ReminderRun run, SessionDefinition definition, ReminderSession row, bool report)
    {
        var s = row.Session;
        var (start, end) = (ParisTime.ToParis(s.StartUtc), ParisTime.ToParis(s.EndUtc));
        var model = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = report ? definition.Report!.Title : definition.Title,
            ["session_id"] = s.SessionId,
            ["session_title"] = definition.Title,
            ["session_kind"] = s.Kind.ToString().ToLowerInvariant(),
            ["session_status"] = s.Status.ToString(),
            ["start"] = $"{Day(DateOnly.FromDateTime(start.DateTime))} à {start.ToString("HH:mm", French)}",
            ["start_time"] = start.ToString("HH:mm", French),
            ["end_time"] = end.ToString("HH:mm", French),
            ["location"] = s.Location ?? "",
            ["visio_url"] = s.VisioUrl ?? "",
        };
        if (report)
        {
            model["report_title"] = definition.Report!.Title;
        }

        return Common(run, model);
    }

    public static Dictionary<string, string> ForItem(ReminderRun run, string id, string title, string status) =>
        Common(run, new Dictionary<string, string>(StringComparer.Ordinal) { ["item_id"] = id, ["title"] = title, ["status"] = status });

    public static Dictionary<string, string> ForPeriod(ReminderRun run, IndicatorPeriodSlot period, IEnumerable<IndicatorDefinition> missing) =>
        Common(run, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = $"Indicateurs {period.Title}",
            ["period"] = period.Key,
            ["period_title"] = period.Title,
            ["indicators"] = string.Join(", ", missing.Select(i => i.Title)),
        });

    /// <summary>The target's values and what depends on the rule and occurrence, shared by every recipient.</summary>
    public static Dictionary<string, string> ForTarget(ReminderDefinition rule, ReminderTarget target, DateOnly occurrence)
    {
        var days = target.Day.DayNumber - occurrence.DayNumber;
        return new Dictionary<string, string>(target.Model, StringComparer.Ordinal)
        {
            ["rule"] = rule.Id,
            ["target_kind"] = ReminderKey.Name(target.Kind),
            ["date"] = Day(target.Day),
            ["date_iso"] = target.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["days"] = Math.Abs(days).ToString(CultureInfo.InvariantCulture),
            ["timing"] = days > 0 ? "before" : days == 0 ? "same-day" : "after",
        };
    }

    /// <summary>A copy of the shared values with the recipient's and their enrolment's.</summary>
    public static IReadOnlyDictionary<string, string> ForRecipient(
        ReminderRun run, Dictionary<string, string> common, ReminderTarget target, ReminderContact recipient, ReminderEnrolment? enrolment)
    {
        var model = new Dictionary<string, string>(common, StringComparer.Ordinal)
        {
            ["recipient_name"] = recipient.Name,
            ["recipient_email"] = recipient.Email,
        };
        var groupId = enrolment?.Enrolment.GroupId ?? target.GroupId;
        if (run.Group(groupId) is { } group)
        {
            model["group_id"] = group.Id.ToString();
            model["group_name"] = group.Name;
        }

        if (enrolment is not null)
        {
            model["enrolment_id"] = enrolment.Enrolment.Id.ToString();
            model["establishment_id"] = enrolment.Enrolment.EstablishmentId.ToString();
            model["establishment_name"] = enrolment.EstablishmentName ?? "";
        }

        return model;
    }

    private static Dictionary<string, string> Common(ReminderRun run, Dictionary<string, string> model)
    {
        model["programme"] = run.Definition.Title;
        model["programme_id"] = run.Definition.Id;
        model["wave_id"] = run.Snapshot.WaveId.ToString();
        return model;
    }

    private static string Day(DateOnly day) => day.ToString("dddd d MMMM yyyy", French);
}
