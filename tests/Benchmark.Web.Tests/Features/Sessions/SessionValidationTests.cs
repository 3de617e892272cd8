using System.Globalization;
using System.Net;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.Sessions;

/// <summary>Bad input on the scheduling form: a French error, the session unchanged, no outbox row (own app: the data is altered).</summary>
public sealed class SessionValidationTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    private const string Consultant = "consultant@demo.benchmark.test";

    [Fact]
    public async Task Get_WhenPlannedSession_ThenFormPrefilledWithDefinitionAgendaAndDuration()
    {
        var (session, definition) = await CollectiveSessionAsync(withAgenda: true);
        var client = await app.SignedInAsync(Consultant);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/seances/{session.Id}", UriKind.Relative)));

        var first = definition.Agenda[0];
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{first.Start:HH\\:mm}–{first.End:HH\\:mm} {first.Title}"), html, StringComparison.Ordinal);
        if (definition.Duration is { Days: 0, Minutes: > 0 } d)
        {
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"name=\"DurationMinutes\" value=\"{d.Minutes}\""), html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("0", "https://visio.exemple.fr/a", "La fin de la séance doit suivre son début")]
    [InlineData("60", "", "Indiquez un lieu ou un lien de visioconférence")]
    [InlineData("60", "https://", "Le lien de visioconférence doit être une adresse web complète (https://…)")]
    public async Task Schedule_WhenSlotInvalid_ThenFrenchErrorNothingSavedNothingQueued(string duration, string visio, string error)
    {
        var (session, _) = await CollectiveSessionAsync(withAgenda: false);
        var client = await app.SignedInAsync(Consultant);

        var response = await PostAsync(client, session.Id, duration, visio);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(error, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await AssertUnchangedAsync(session);
    }

    [Fact]
    public async Task Schedule_WhenParticipantHasNoEmail_ThenFrenchErrorNothingSavedNothingQueued()
    {
        var (session, _) = await CollectiveSessionAsync(withAgenda: false);
        await app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            var enrolment = await db.Enrolments.FirstAsync(e => e.GroupId == session.GroupId && e.Status == EnrolmentStatus.Active);
            var role = await db.TeamMembers.Where(m => m.EnrolmentId == enrolment.Id).Select(m => m.RoleId).FirstAsync();
            db.TeamMembers.Add(new TeamMember(Guid.NewGuid(), enrolment.Id, role, "Camille Sansadresse", ""));
            return await db.SaveChangesAsync();
        });
        var client = await app.SignedInAsync(Consultant);

        var response = await PostAsync(client, session.Id, "60", "https://visio.exemple.fr/a");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Participant sans adresse électronique : Camille Sansadresse", html, StringComparison.Ordinal);
        await AssertUnchangedAsync(session);
    }

    private async Task<HttpResponseMessage> PostAsync(HttpClient client, Guid sessionId, string duration, string visio)
    {
        var date = ParisTime.Today(app.Services.GetRequiredService<TimeProvider>()).AddDays(20);
        return await BenchmarkApp.PostFormAsync(client, $"/seances/{sessionId}?handler=Schedule", new Dictionary<string, string>
        {
            ["Date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["StartTime"] = "09:00",
            ["DurationMinutes"] = duration,
            ["Location"] = "",
            ["VisioUrl"] = visio,
            ["Agenda"] = "Ordre du jour",
        }, formPage: $"/seances/{sessionId}");
    }

    private Task<bool> AssertUnchangedAsync(Session before) => app.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<BenchmarkDbContext>();
        var after = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == before.Id);
        Assert.Equal(SessionStatus.Planned, after.Status);
        Assert.Equal(before.StartUtc, after.StartUtc);
        Assert.Equal(before.Sequence, after.Sequence);
        var prefix = $"invite:{before.Id}:";
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.IdempotencyKey.StartsWith(prefix)));
        return true;
    });

    private Task<(Session Session, SessionDefinition Definition)> CollectiveSessionAsync(bool withAgenda) => app.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<BenchmarkDbContext>();
        var userId = await db.Users.Where(u => u.Email == Consultant).Select(u => u.Id).SingleAsync();
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.Kind == SessionKind.Collective && s.Status == SessionStatus.Planned && db.Groups.Any(g => g.Id == s.GroupId && g.ConsultantId == userId))
            .ToListAsync();
        foreach (var session in sessions.OrderBy(s => s.Id))
        {
            var wave = await db.Waves.SingleAsync(w => w.Id == session.WaveId);
            var definition = (await db.ProgrammeDefinitions.SingleAsync(d => d.Id == wave.DefinitionId)).Parse().FindSession(session.SessionId);
            if (definition is not null && (!withAgenda || definition.Agenda.Count > 0))
            {
                return (session, definition);
            }
        }

        throw new InvalidOperationException("The demo has no planned collective session for consultant@ with an agenda");
    });
}
