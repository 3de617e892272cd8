using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Data.Identity;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Infrastructure.Api;
using Benchmark.Web.Infrastructure.Calendar;
using Benchmark.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using IcalCalendar = Ical.Net.Calendar;

namespace Benchmark.Web.Features.Agenda;

/// <summary>
/// The private iCalendar feed of a user (METHOD:PUBLISH): their sessions, and their deadlines as all-day events
/// (<see cref="FeedDeadlines"/>; VEVENT rather than VTODO, which Outlook and Google Calendar do not show from a
/// subscription), read through an <see cref="AccessScope"/> built for the feed's owner (the request itself is
/// anonymous). Only the SHA-256 of the token is stored.
/// </summary>
public sealed class CalendarFeedIcs(BenchmarkDbContext db, UserManager<AppUser> users, IOptions<MailOptions> mail, TimeProvider clock)
{
    public const string CalendarName = "Benchmark";

    /// <summary>A new feed token: 32 random bytes, base64url.</summary>
    public static string NewToken() => TokenSecret.Generate()[TokenSecret.Marker.Length..];

    /// <summary>
    /// The ICS of the feed whose token is <paramref name="token"/>, or null if it is unknown or revoked, or if its owner's
    /// account is locked (a locked account reads nothing, through any door).
    /// </summary>
    public async Task<string?> BuildAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var hash = TokenSecret.Hash(token);
        var feed = await db.CalendarFeeds.AsNoTracking().SingleOrDefaultAsync(f => f.TokenHash == hash && f.RevokedAt == null, cancellationToken);
        var owner = feed is null ? null : await users.FindByIdAsync(feed.UserId.ToString());
        if (owner is null || owner.LockoutEnd > clock.GetUtcNow())
        {
            return null;
        }

        var roles = (await users.GetRolesAsync(owner)).ToHashSet(StringComparer.Ordinal);
        var scope = new AccessScope(db, new CurrentUser(owner.Id, owner.FullName, roles, owner.AgencyId));
        var sessions = await scope.Sessions().AsNoTracking()
            .Where(s => s.Status == SessionStatus.Scheduled || s.Status == SessionStatus.Held || s.Status == SessionStatus.Cancelled)
            .ToListAsync(cancellationToken);
        var waveIds = sessions.Select(s => s.WaveId).Distinct().ToList();
        var definitionOfWave = await db.Waves.AsNoTracking().Where(w => waveIds.Contains(w.Id))
            .Join(db.ProgrammeDefinitions.AsNoTracking(), w => w.DefinitionId, d => d.Id, (w, d) => new { WaveId = w.Id, Definition = d })
            .ToListAsync(cancellationToken);
        var definitions = definitionOfWave.ToDictionary(x => x.WaveId, x => x.Definition.Parse());

        var now = clock.GetUtcNow();
        var calendar = new IcalCalendar { Method = "PUBLISH", ProductId = "-//Benchmark//Agenda//FR" };
        calendar.AddProperty("X-WR-CALNAME", CalendarName);
        calendar.AddProperty("X-WR-TIMEZONE", InviteBuilder.TimeZoneId);
        var earliest = sessions.Count == 0 ? now : sessions.Min(s => s.StartUtc);
        calendar.AddTimeZone(InviteBuilder.TimeZoneId, earliest.UtcDateTime.AddYears(-1), includeHistoricalData: false);

        foreach (var session in sessions.OrderBy(s => s.StartUtc))
        {
            var definition = definitions.GetValueOrDefault(session.WaveId);
            var title = definition?.FindSession(session.SessionId)?.Title ?? session.SessionId;
            calendar.Events.Add(IcsEvents.Session(
                new SessionEventText(session.Uid.Length > 0 ? session.Uid : session.Id.ToString(), session.Sequence,
                    definition is null ? title : $"{title} — {definition.Title}", session.Agenda, session.Location,
                    IcsText.Link(session.VisioUrl), session.StartUtc, session.EndUtc, Cancelled: session.Status == SessionStatus.Cancelled),
                now));
        }

        foreach (var deadline in await new FeedDeadlines(db).ForAsync(scope, cancellationToken))
        {
            var link = deadline.Path.Length > 0 ? new Uri(mail.Value.Link(deadline.Path)) : null;
            calendar.Events.Add(IcsEvents.AllDay(deadline.Uid, deadline.Date, deadline.Summary, deadline.Description, link, now));
        }

        return IcsEvents.Write(calendar);
    }
}
