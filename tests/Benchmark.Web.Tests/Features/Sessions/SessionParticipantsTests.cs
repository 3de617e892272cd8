using System.Net;
using System.Text.Json.Nodes;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.Sessions;

/// <summary>Adding or removing one participant of a scheduled session: iTIP REQUEST/CANCEL, same UID, SEQUENCE + 1, one SaveChanges.</summary>
public sealed class SessionParticipantsTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    private const string Consultant = "consultant@demo.benchmark.test";

    [Fact]
    public async Task AddParticipant_WhenScheduled_ThenGuestGetsRequestAndEveryoneElseTheUpdatedRequest()
    {
        var session = await ScheduleAsync(0);
        var before = await ParticipantsAsync(session.Id);
        var client = await app.SignedInAsync(Consultant);

        var response = await PostAsync(client, session.Id, "AddParticipant", new() { ["ParticipantName"] = "Inès Invitée", ["ParticipantEmail"] = " Ines.Invitee@Exemple.fr " });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (after, rows) = await app.WithServicesAsync(sp => SessionSetup.StateAsync(sp, session.Id));
        Assert.Equal(1, after.Sequence);
        var batch = rows.Where(r => r.IdempotencyKey.StartsWith($"invite:{session.Id}:1:", StringComparison.Ordinal)).ToList();
        Assert.Equal(before.Append("ines.invitee@exemple.fr").Order(StringComparer.Ordinal), batch.Select(r => r.Recipient.ToLowerInvariant()).Order(StringComparer.Ordinal));
        Assert.All(batch, r => Assert.Contains("METHOD:REQUEST", Ics(r), StringComparison.Ordinal));
        Assert.All(batch, r => Assert.Contains("SEQUENCE:1", Ics(r), StringComparison.Ordinal));
        Assert.All(batch, r => Assert.Contains($"UID:{after.Uid}", Unfold(Ics(r)), StringComparison.Ordinal));
        Assert.All(batch, r => Assert.Contains("mailto:Ines.Invitee@Exemple.fr", Unfold(Ics(r)), StringComparison.OrdinalIgnoreCase));
        var guest = Assert.Single(batch, r => r.Recipient == "Ines.Invitee@Exemple.fr");
        Assert.StartsWith("Invitation : ", guest.Subject, StringComparison.Ordinal);
        Assert.All(batch.Where(r => r != guest), r => Assert.StartsWith("Participants modifiés : ", r.Subject, StringComparison.Ordinal));
        Assert.Contains("ines.invitee@exemple.fr", await ParticipantsAsync(session.Id));
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/seances/{session.Id}", UriKind.Relative)));
        Assert.Contains("Inès Invitée", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemoveParticipant_WhenScheduled_ThenRemovedGetsCancelAndTheOthersTheRequest()
    {
        var session = await ScheduleAsync(1);
        var before = await ParticipantsAsync(session.Id);
        var removed = await TeamMemberEmailAsync(session);
        var client = await app.SignedInAsync(Consultant);

        var response = await PostAsync(client, session.Id, "RemoveParticipant", new() { ["RemovedEmail"] = removed });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (after, rows) = await app.WithServicesAsync(sp => SessionSetup.StateAsync(sp, session.Id));
        Assert.Equal(1, after.Sequence);
        var batch = rows.Where(r => r.IdempotencyKey.StartsWith($"invite:{session.Id}:1:", StringComparison.Ordinal)).ToList();
        Assert.Equal(before.Order(StringComparer.Ordinal), batch.Select(r => r.Recipient.ToLowerInvariant()).Order(StringComparer.Ordinal));
        var cancel = Assert.Single(batch, r => string.Equals(r.Recipient, removed, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("METHOD:CANCEL", Ics(cancel), StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:1", Ics(cancel), StringComparison.Ordinal);
        Assert.Contains($"UID:{after.Uid}", Unfold(Ics(cancel)), StringComparison.Ordinal);
        Assert.Single(Unfold(Ics(cancel)).Split("\r\n"), l => l.StartsWith("ATTENDEE", StringComparison.Ordinal));
        var others = batch.Where(r => r != cancel).ToList();
        Assert.NotEmpty(others);
        Assert.All(others, r => Assert.Contains("METHOD:REQUEST", Ics(r), StringComparison.Ordinal));
        Assert.All(others, r => Assert.DoesNotContain($"mailto:{removed}", Unfold(Ics(r)), StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(removed.ToLowerInvariant(), await ParticipantsAsync(session.Id));
    }

    [Fact]
    public async Task AddParticipant_WhenNoEmail_ThenFrenchErrorAndNothingSavedNorSent()
    {
        var session = await ScheduleAsync(2);
        var client = await app.SignedInAsync(Consultant);

        var response = await PostAsync(client, session.Id, "AddParticipant", new() { ["ParticipantName"] = "Sans Adresse", ["ParticipantEmail"] = "" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Participant sans adresse électronique", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var (after, rows) = await app.WithServicesAsync(sp => SessionSetup.StateAsync(sp, session.Id));
        Assert.Equal(0, after.Sequence);
        Assert.Empty(rows);
        Assert.False(await app.WithServicesAsync(sp => sp.GetRequiredService<BenchmarkDbContext>().SessionParticipants.AnyAsync(p => p.SessionRecordId == session.Id)));
    }

    [Fact]
    public async Task AddParticipant_WhenConsultantOfAnotherGroup_Then404AndNothingSent()
    {
        var session = await ScheduleAsync(3);
        var other = await app.SignedInAsync("consultant2@demo.benchmark.test");

        var post = await BenchmarkApp.PostFormAsync(other, $"/seances/{session.Id}?handler=AddParticipant",
            new Dictionary<string, string> { ["ParticipantName"] = "X", ["ParticipantEmail"] = "x@exemple.fr" }, formPage: "/tableau-de-bord");
        var remove = await BenchmarkApp.PostFormAsync(other, $"/seances/{session.Id}?handler=RemoveParticipant",
            new Dictionary<string, string> { ["RemovedEmail"] = Consultant }, formPage: "/tableau-de-bord");

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
        var (after, rows) = await app.WithServicesAsync(sp => SessionSetup.StateAsync(sp, session.Id));
        Assert.Equal(0, after.Sequence);
        Assert.Empty(rows);
    }

    private Task<Session> ScheduleAsync(int index) => app.WithServicesAsync(sp =>
        SessionSetup.ScheduleAsync(sp, Consultant, SessionKind.Collective, TimeProvider.System.GetUtcNow().AddDays(30), index));

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, Guid sessionId, string handler, Dictionary<string, string> fields) =>
        BenchmarkApp.PostFormAsync(client, $"/seances/{sessionId}?handler={handler}", fields, formPage: $"/seances/{sessionId}");

    /// <summary>The session's invitees as the page lists them (lower-case addresses).</summary>
    private Task<List<string>> ParticipantsAsync(Guid sessionId) => app.WithServicesAsync(async sp =>
    {
        var client = await app.SignedInAsync(Consultant);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/seances/{sessionId}", UriKind.Relative)));
        var table = html[html.IndexOf("Participants de la séance", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        return System.Text.RegularExpressions.Regex.Matches(table, @"<td>([^<\s]+@[^<\s]+)</td>").Select(m => m.Groups[1].Value.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
    });

    private Task<string> TeamMemberEmailAsync(Session session) => app.WithServicesAsync(sp =>
        sp.GetRequiredService<BenchmarkDbContext>().TeamMembers
            .Where(m => sp.GetRequiredService<BenchmarkDbContext>().Enrolments.Any(e => e.Id == m.EnrolmentId && e.GroupId == session.GroupId && e.Status == EnrolmentStatus.Active))
            .OrderBy(m => m.Email).Select(m => m.Email).FirstAsync());

    private static string Ics(OutboxMessage row) => (string)JsonNode.Parse(row.Payload)!["ics"]!;

    private static string Unfold(string ics) => ics.Replace("\r\n ", "", StringComparison.Ordinal);
}
