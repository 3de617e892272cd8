using System.Text.Json.Nodes;
using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Web.Features.Sessions;
using Benchmark.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Infrastructure.Mail;

/// <summary>The one way mail is queued: typed models, one at a time in the caller's unit of work, or many set-based.</summary>
public sealed class MailOutboxTests(QuietBenchmarkApp app) : IClassFixture<QuietBenchmarkApp>
{
    [Fact]
    public async Task QueueMany_WhenKeysRepeatOrAreAlreadyQueued_ThenEachKeyQueuedOnce()
    {
        var prefix = $"test:{Guid.NewGuid():N}";
        await app.WithServicesAsync(async sp =>
        {
            await sp.GetRequiredService<MailOutbox>().QueueAsync(Reminder("Déjà là"), "a@exemple.test", $"{prefix}:a");
            return await sp.GetRequiredService<BenchmarkDbContext>().SaveChangesAsync();
        });

        var queued = await app.WithServicesAsync(sp => sp.GetRequiredService<MailOutbox>().QueueManyAsync(
            [(Reminder("A"), "a@exemple.test", $"{prefix}:a"), (Reminder("B"), "b@exemple.test", $"{prefix}:b"),
                (Reminder("B bis"), "b@exemple.test", $"{prefix}:b"), (Reminder("C"), "c@exemple.test", $"{prefix}:c")],
            CancellationToken.None));

        var rows = await RowsAsync(prefix);
        Assert.Equal(2, queued.Inserted);
        Assert.Equal(["Rappel : Déjà là le lundi 1 mars", "Rappel : B le lundi 1 mars", "Rappel : C le lundi 1 mars"], rows.Select(r => r.Subject));
        Assert.All(rows, r => Assert.Equal("rappel-session", r.Kind));
        Assert.Equal("B", MailOutbox.Read(rows[1]).Model["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Queue_WhenSessionInvite_ThenOneSessionInviteRowWithModelAndIcs()
    {
        var key = $"test:{Guid.NewGuid():N}";
        const string ics = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n";
        var mail = new SessionInviteMail(
            SessionInvites.InvitationTemplate, "modification", "Zoé", "SC1", "Gestion des flux", "lundi 1 mars 2027 à 09h30", "12h30", null,
            "https://visio.exemple.test/salle", "Tour de table", "Claire", "seances/1", new Dictionary<string, string?> { ["changes"] = "Nouvelle date" }, ics);

        await app.WithServicesAsync(async sp =>
        {
            await sp.GetRequiredService<MailOutbox>().QueueAsync(mail, "zoe@exemple.test", key);
            return await sp.GetRequiredService<BenchmarkDbContext>().SaveChangesAsync();
        });

        var row = Assert.Single(await RowsAsync(key));
        var (template, model) = MailOutbox.Read(row);
        Assert.Equal(SessionInvites.OutboxKind, row.Kind);
        Assert.Equal(SessionInvites.InvitationTemplate, template);
        Assert.Equal(
            ["kind", "name", "title", "programme", "date", "end_time", "location", "visio_url", "agenda", "organizer", "link", "changes"],
            model.Select(p => p.Key));
        Assert.Null(model["location"]);
        Assert.Equal(ics, JsonNode.Parse(row.Payload)!["ics"]!.GetValue<string>());
    }

    private static ReminderMail Reminder(string title) =>
        new("rappel-session", new Dictionary<string, string>(StringComparer.Ordinal) { ["title"] = title, ["start"] = "lundi 1 mars" });

    private Task<List<OutboxMessage>> RowsAsync(string keyPrefix) => app.WithServicesAsync(sp =>
        sp.GetRequiredService<BenchmarkDbContext>().OutboxMessages.AsNoTracking().Where(m => EF.Functions.Like(m.IdempotencyKey, keyPrefix + "%"))
            .OrderBy(m => m.IdempotencyKey).ToListAsync());
}
