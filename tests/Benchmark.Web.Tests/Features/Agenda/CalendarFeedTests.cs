using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Benchmark.Core.Common;
using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Data.Identity;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IcalCalendar = Ical.Net.Calendar;

namespace Benchmark.Web.Tests.Features.Agenda;

public sealed partial class CalendarFeedTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    private const string Consultant = "consultant@demo.benchmark.test";

    [Fact]
    public async Task Feed_WhenCreated_ThenListsOwnScheduledAndCancelledSessionsOnly()
    {
        var (mine, cancelled, other) = await ScheduleSessionsAsync();
        using var client = await app.SignedInAsync(Consultant);

        var token = await CreateFeedAsync(client);
        using var anonymous = app.Client();
        using var response = await anonymous.GetAsync(new Uri($"/agenda/{token}.ics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var calendar = IcalCalendar.Load(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Equal("Benchmark", calendar.Properties["X-WR-CALNAME"]?.Value?.ToString());
        Assert.Contains(calendar.TimeZones, z => z.TzId == "Europe/Paris");
        var scheduled = Assert.Single(calendar.Events, e => e.Uid == mine.Uid);
        Assert.Equal("CONFIRMED", scheduled.Status);
        Assert.Equal("Salle du feed", scheduled.Location);
        Assert.Equal(mine.StartUtc, new DateTimeOffset(scheduled.DtStart!.AsUtc, TimeSpan.Zero));
        Assert.Equal("Europe/Paris", scheduled.DtStart.TzId);
        Assert.Equal("CANCELLED", Assert.Single(calendar.Events, e => e.Uid == cancelled.Uid).Status);
        Assert.DoesNotContain(calendar.Events, e => e.Uid == other.Uid);
        Assert.DoesNotContain(calendar.Events, e => e.Location == "Salle d'un autre groupe");
    }

    [Fact]
    public async Task Feed_WhenCreated_ThenOnlyTheHashOfTheTokenIsStored()
    {
        using var client = await app.SignedInAsync(Consultant);

        var token = await CreateFeedAsync(client);

        var stored = await app.WithServicesAsync(sp => sp.GetRequiredService<BenchmarkDbContext>().CalendarFeeds.AsNoTracking().ToListAsync());
        Assert.DoesNotContain(stored, f => f.TokenHash.Contains(token, StringComparison.Ordinal));
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        var feed = Assert.Single(stored, f => f.TokenHash == expected);
        Assert.Null(feed.RevokedAt);
        Assert.Equal(43, token.Length);
    }

    [Fact]
    public async Task Feed_WhenRevoked_ThenAnswers404()
    {
        using var client = await app.SignedInAsync(Consultant);
        var token = await CreateFeedAsync(client);
        using var anonymous = app.Client();
        using (var before = await anonymous.GetAsync(new Uri($"/agenda/{token}.ics", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var revoke = await BenchmarkApp.PostFormAsync(client, "/compte/agenda?handler=Revoke", new Dictionary<string, string>(), "/compte/agenda");
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Contains("pas de lien d'agenda actif", await revoke.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var after = await anonymous.GetAsync(new Uri($"/agenda/{token}.ics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task Feed_WhenReplaced_ThenTheOldLinkAnswers404AndTheNewOneWorks()
    {
        using var client = await app.SignedInAsync(Consultant);
        var first = await CreateFeedAsync(client);

        var second = await CreateFeedAsync(client);

        using var anonymous = app.Client();
        using var old = await anonymous.GetAsync(new Uri($"/agenda/{first}.ics", UriKind.Relative));
        using var current = await anonymous.GetAsync(new Uri($"/agenda/{second}.ics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
    }

    [Fact]
    public async Task Feed_WhenTheOwnersAccountIsLocked_ThenAnswers404UntilItIsUnlocked()
    {
        // Security finding 5: a locked account's feed must stop.
        const string owner = "consultant2@demo.benchmark.test";
        using var client = await app.SignedInAsync(owner);
        var token = await CreateFeedAsync(client);
        using var anonymous = app.Client();

        await LockAsync(owner, DateTimeOffset.MaxValue);
        using var locked = await anonymous.GetAsync(new Uri($"/agenda/{token}.ics", UriKind.Relative));
        await LockAsync(owner, null);
        using var unlocked = await anonymous.GetAsync(new Uri($"/agenda/{token}.ics", UriKind.Relative));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.OK), (locked.StatusCode, unlocked.StatusCode));
    }

    private Task<IdentityResult> LockAsync(string email, DateTimeOffset? until) => app.WithServicesAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email);
        return await users.SetLockoutEndDateAsync(user!, until);
    });

    [Fact]
    public async Task Feed_WhenTokenUnknown_ThenAnswers404()
    {
        using var anonymous = app.Client();

        using var response = await anonymous.GetAsync(new Uri("/agenda/inconnu-0123456789abcdefghijklmnopqrstuvwxyzABC.ics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<string> CreateFeedAsync(HttpClient client)
    {
        using var response = await BenchmarkApp.PostFormAsync(client, "/compte/agenda?handler=Create", new Dictionary<string, string>(), "/compte/agenda");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var match = FeedUrl().Match(await response.Content.ReadAsStringAsync());
        Assert.True(match.Success, "The created feed URL is shown");
        return match.Groups[1].Value;
    }

    private async Task<(Session Mine, Session Cancelled, Session Other)> ScheduleSessionsAsync() =>
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var me = (await users.FindByEmailAsync(Consultant))!;
            var them = (await users.FindByEmailAsync("consultant2@demo.benchmark.test"))!;
            var now = TimeProvider.System.GetUtcNow();
            var start = new DateTimeOffset(now.UtcDateTime.Date.AddDays(40).AddHours(8), TimeSpan.Zero);

            var planned = await db.Sessions.Where(s => s.Status == SessionStatus.Planned && s.EnrolmentId == null).ToListAsync();
            var groups = await db.Groups.AsNoTracking().ToListAsync();
            var mineGroups = groups.Where(g => g.ConsultantId == me.Id).Select(g => g.Id).ToHashSet();
            var otherGroups = groups.Where(g => g.ConsultantId == them.Id).Select(g => g.Id).ToHashSet();
            var ofMine = planned.Where(s => s.GroupId is { } g && mineGroups.Contains(g)).Take(2).ToList();
            var ofOther = planned.First(s => s.GroupId is { } g && otherGroups.Contains(g));

            Check(ofMine[0].Schedule(new SessionSlot(start, start.AddHours(2), "Salle du feed", null, null), now));
            Check(ofMine[1].Schedule(new SessionSlot(start.AddDays(1), start.AddDays(1).AddHours(2), "Salle annulée", null, null), now));
            Check(ofMine[1].Cancel("Test"));
            Check(ofOther.Schedule(new SessionSlot(start, start.AddHours(2), "Salle d'un autre groupe", null, null), now));
            await db.SaveChangesAsync();
            return (ofMine[0], ofMine[1], ofOther);
        });

    private static void Check<T>(Result<T> result) => Assert.True(result.IsSuccess, result.Error?.Message);

    [GeneratedRegex(@"/agenda/([A-Za-z0-9_-]+)\.ics")]
    private static partial Regex FeedUrl();
}
