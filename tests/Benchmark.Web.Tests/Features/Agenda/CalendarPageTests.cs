using System.Globalization;
using System.Text.RegularExpressions;
using Benchmark.Core.Domain;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.Agenda;

/// <summary>The calendar of sessions: the viewer's scope only, filters, and the consultant's double bookings marked.</summary>
public sealed class CalendarPageTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    private const string Consultant = "consultant@demo.benchmark.test";
    private const string OtherConsultant = "consultant2@demo.benchmark.test";

    [Fact]
    public async Task Calendar_WhenTwoSessionsOfTheConsultantOverlap_ThenBothAreMarkedInTheirMonthAndNoOneElseSeesThem()
    {
        // Arrange: two collective sessions of two of the consultant's groups, the same Tuesday, 9:00–12:00 and 11:00–13:00.
        using var consultant = await app.SignedInAsync(Consultant);
        using var other = await app.SignedInAsync(OtherConsultant);
        var day = WorkingCalendar.France.NextWorkingDay(ParisTime.Today(TimeProvider.System).AddDays(400));
        var (first, second) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            var me = await db.Users.Where(u => u.Email == Consultant).Select(u => u.Id).SingleAsync();
            var planned = (await db.Sessions
                    .Where(s => s.EnrolmentId == null && s.Status == SessionStatus.Planned && db.Groups.Any(g => g.Id == s.GroupId && g.ConsultantId == me))
                    .ToListAsync())
                .GroupBy(s => s.GroupId).Select(g => g.MaxBy(s => s.StartUtc)!).Take(2).ToList();
            var sessions = new List<Session>();
            foreach (var (session, hour, hours) in new[] { (planned[0], 9, 3), (planned[1], 11, 2) })
            {
                var start = ParisTime.ToUtc(day, new TimeOnly(hour, 0));
                Assert.True(session.Schedule(new SessionSlot(start, start.AddHours(hours), $"Salle {hour}", null, null), TimeProvider.System.GetUtcNow()).IsSuccess);
                sessions.Add(session);
            }

            await db.SaveChangesAsync();
            return (sessions[0].Id, sessions[1].Id);
        });
        var month = $"/calendrier?date={day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

        // Act
        var grid = await consultant.GetStringAsync(new Uri(month, UriKind.Relative));
        var list = await consultant.GetStringAsync(new Uri(month + "&vue=liste", UriKind.Relative));
        var theirs = await other.GetStringAsync(new Uri(month + "&vue=liste", UriKind.Relative));

        // Assert
        var cell = Regex.Match(grid, $"<td data-day=\"{day:yyyy-MM-dd}\"[^>]*>(.*?)</td>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains($"data-session=\"{first}\"", cell, StringComparison.Ordinal);
        Assert.Contains($"data-session=\"{second}\"", cell, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(cell, "Conflit"));
        Assert.Matches($"<tr data-session=\"{first}\">.*?Conflit.*?</tr>", Regex.Replace(list, "\\s+", " "));
        Assert.DoesNotContain(first.ToString(), theirs, StringComparison.Ordinal);
        Assert.DoesNotContain(second.ToString(), theirs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calendar_WhenFilteredByAGroup_ThenOnlyThatGroupsSessionsAreListed()
    {
        using var consultant = await app.SignedInAsync(Consultant);
        var (group, sessions) = await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            var me = await db.Users.Where(u => u.Email == Consultant).Select(u => u.Id).SingleAsync();
            var group = await db.Groups.Where(g => g.ConsultantId == me).OrderBy(g => g.Id).Select(g => g.Id).FirstAsync();
            var first = await db.Sessions.Where(s => s.GroupId == group && s.Status != SessionStatus.Cancelled).OrderBy(s => s.StartUtc).FirstAsync();
            var day = ParisTime.Date(first.StartUtc);
            var month = new DateOnly(day.Year, day.Month, 1);
            var inMonth = await db.Sessions.Where(s => s.Status != SessionStatus.Cancelled
                    && s.StartUtc >= ParisTime.ToUtc(month, TimeOnly.MinValue) && s.StartUtc < ParisTime.ToUtc(month.AddMonths(1), TimeOnly.MinValue))
                .Select(s => new { s.Id, s.GroupId }).ToListAsync();
            return (group, (Month: month, Mine: inMonth.Where(s => s.GroupId == group).Select(s => s.Id).ToList(), Others: inMonth.Where(s => s.GroupId != null && s.GroupId != group).Select(s => s.Id).ToList()));
        });

        var list = await consultant.GetStringAsync(new Uri(
            $"/calendrier?vue=liste&date={sessions.Month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&groupe={group}", UriKind.Relative));

        Assert.NotEmpty(sessions.Mine);
        Assert.All(sessions.Mine, id => Assert.Contains($"data-session=\"{id}\"", list, StringComparison.Ordinal));
        Assert.All(sessions.Others, id => Assert.DoesNotContain(id.ToString(), list, StringComparison.Ordinal));
    }
}
