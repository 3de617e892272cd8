using Benchmark.Core.Definitions;
using Benchmark.Core.Scheduling;
using Benchmark.Core.Tests.Support;

namespace Benchmark.Core.Tests.Scheduling;

/// <summary>
/// For the five programmes and many anchor dates (every weekday of two years, anchors in their declared order),
/// no session, deadline or milestone falls on a weekend or a French public holiday.
/// </summary>
public sealed class ShippedWorkflowsWorkingDaysTests
{
    public static TheoryData<string> Workflows()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(TestFiles.RepositoryRoot, "workflows"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Resolve_WhenAnchoredOnAnyDayOfTwoYears_ThenNothingFallsOnANonWorkingDay(string file)
    {
        var definition = DefinitionLoader.LoadFile(Path.Combine(TestFiles.RepositoryRoot, "workflows", file), file).Definition!;
        var days = WorkingCalendar.France;
        var checkedCalendars = 0;
        for (var first = new DateOnly(2027, 1, 1); first < new DateOnly(2029, 1, 1); first = first.AddDays(3))
        {
            // Anchors 1, 5 or 7 months apart, as waves set them (office-surgery's J* follows its candidature phase).
            var gap = 1 + (first.DayNumber % 3 * 3);
            var anchors = definition.Anchors.Select((a, i) => (a.Id, Date: first.AddMonths(gap * i))).ToDictionary(x => x.Id, x => x.Date, StringComparer.Ordinal);
            var calendar = ScheduleResolver.Resolve(definition, anchors).Value;
            var dated = calendar.Sessions.SelectMany(s => new[] { ("séance " + s.Definition.Id, s.StartDate), ("fin " + s.Definition.Id, s.EndDate) })
                .Concat(calendar.Sessions.Where(s => s.ReportDue is not null).Select(s => ("compte rendu " + s.Definition.Id, s.ReportDue!.Value)))
                .Concat(calendar.Phases.Select(p => ("phase " + p.Definition.Id, p.Due)))
                .Concat(calendar.Milestones.Select(m => ("jalon " + m.Definition.Id, m.Date)))
                .Concat(calendar.Deliverables.Select(d => ("livrable " + d.Definition.Id, d.Due)))
                .Concat(calendar.Checklist.Select(c => ("check-list " + c.Definition.Id, c.Due)));
            foreach (var (what, date) in dated)
            {
                Assert.True(days.IsWorkingDay(date), $"{file} ancré le {first}: {what} le {date} ({days.NonWorkingReason(date)})");
            }

            checkedCalendars++;
        }

        Assert.True(checkedCalendars > 200);
    }
}
