using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Benchmark.Web.Tests.Infrastructure.Mail;

public sealed class OutboxDispatcherTests : IClassFixture<QuietBenchmarkApp>
{
    private readonly QuietBenchmarkApp _app;

    public OutboxDispatcherTests(QuietBenchmarkApp app) => _app = app;

    [Fact]
    public async Task Dispatch_WhenMessageQueued_ThenEmlInPickupFolderWithHeadersAndBothParts()
    {
        var recipient = Recipient();
        var queued = await QueueAsync("password-reset", recipient, new { Name = "Élodie <b>Ça</b>", Link = "https://benchmark.exemple/reinitialiser?user=1&token=a%2Bb", ExpiresInDays = 3 });

        await DispatchAsync();

        var eml = EmlPath(queued);
        var mime = await MimeMessage.LoadAsync(eml);
        Assert.Equal(recipient, Assert.Single(mime.To.Mailboxes).Address);
        Assert.Equal("Réinitialisation de votre mot de passe Benchmark", mime.Subject);
        Assert.Equal(queued.MessageId, mime.MessageId);
        Assert.Equal("ne-pas-repondre@benchmark.localhost", Assert.Single(mime.From.Mailboxes).Address);
        Assert.Contains("https://benchmark.exemple/reinitialiser?user=1&token=a%2Bb", mime.TextBody, StringComparison.Ordinal);
        Assert.Contains("Élodie <b>Ça</b>", mime.TextBody, StringComparison.Ordinal);
        Assert.Contains("Élodie &lt;b&gt;Ça&lt;/b&gt;", mime.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://benchmark.exemple/reinitialiser?user=1&amp;token=a%2Bb\"", mime.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\">", mime.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(OutboxStatus.Sent, (await ReloadAsync(queued.Id))!.Status);
    }

    [Fact]
    public async Task Dispatch_WhenSubjectContainsCrLf_ThenNoHeaderIsInjected()
    {
        var injected = await AddAsync(new OutboxMessage(Guid.CreateVersion7(), $"test:{Guid.NewGuid():N}", "password-reset", Recipient(),
            "Bonjour\r\nBcc: pirate@exemple.test\r\nX-Injecte: oui", MailOutbox.Payload("password-reset", new { Name = "A", Link = "https://x.test/" }).ToJsonString(), Now()));
        var viaModel = await QueueAsync("invitation", Recipient(), new { Name = "B", Link = "https://x.test/", Inviter = "Eve\r\nBcc: pirate@exemple.test" });

        await DispatchAsync();

        foreach (var message in new[] { injected, viaModel })
        {
            var raw = await File.ReadAllTextAsync(EmlPath(message));
            var headers = raw[..raw.IndexOf("\r\n\r\n", StringComparison.Ordinal)].Split("\r\n");
            Assert.DoesNotContain(headers, h => h.StartsWith("Bcc:", StringComparison.OrdinalIgnoreCase) || h.StartsWith("X-Injecte:", StringComparison.OrdinalIgnoreCase));
            var mime = await MimeMessage.LoadAsync(EmlPath(message));
            Assert.Empty(mime.Bcc);
            Assert.Null(mime.Headers["X-Injecte"]);
            Assert.DoesNotContain('\n', mime.Subject ?? "");
        }

        Assert.Equal("Bonjour Bcc: pirate@exemple.test X-Injecte: oui", (await MimeMessage.LoadAsync(EmlPath(injected))).Subject);
    }

    [Fact]
    public async Task Dispatch_WhenTransactionRolledBackOrNotSaved_ThenNothingSent()
    {
        Guid rolledBack, unsaved;
        await using (var scope = _app.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BenchmarkDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            rolledBack = (await scope.ServiceProvider.GetRequiredService<MailOutbox>().QueueAsync("password-reset", Recipient(), new { Name = "R", Link = "https://x.test/" }, $"test:{Guid.NewGuid():N}")).Id;
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        await using (var scope = _app.Factory.Services.CreateAsyncScope())
        {
            unsaved = (await scope.ServiceProvider.GetRequiredService<MailOutbox>().QueueAsync("password-reset", Recipient(), new { Name = "U", Link = "https://x.test/" }, $"test:{Guid.NewGuid():N}")).Id;
        }

        await DispatchAsync();

        Assert.Null(await ReloadAsync(rolledBack));
        Assert.Null(await ReloadAsync(unsaved));
        Assert.False(File.Exists(Path.Combine(_app.PickupDirectory, $"{rolledBack:N}@benchmark.eml")));
        Assert.False(File.Exists(Path.Combine(_app.PickupDirectory, $"{unsaved:N}@benchmark.eml")));
    }

    [Fact]
    public async Task Dispatch_WhenTemplateDoesNotExist_ThenFailedPermanentlyAndNotRetried()
    {
        var message = await AddAsync(new OutboxMessage(Guid.CreateVersion7(), $"test:{Guid.NewGuid():N}", "modele-inconnu", Recipient(), "Sujet", "{}", Now()));

        await DispatchAsync();
        await DispatchAsync();

        var reloaded = (await ReloadAsync(message.Id))!;
        Assert.Equal(OutboxStatus.Failed, reloaded.Status);
        Assert.Equal(1, reloaded.Attempts);
        Assert.Contains("templates/modele-inconnu", reloaded.LastError, StringComparison.Ordinal);
        Assert.False(File.Exists(EmlPath(message)));
    }

    [Fact]
    public async Task Dispatch_WhenRunTwice_ThenSentOnce()
    {
        var message = await QueueAsync("invitation", Recipient(), new { Name = "D", Link = "https://x.test/" });

        var first = await DispatchAsync();
        File.Delete(EmlPath(message));
        await DispatchAsync();

        Assert.True(first >= 1);
        Assert.False(File.Exists(EmlPath(message)));
        Assert.Equal(1, (await ReloadAsync(message.Id))!.Attempts);
    }

    private static string Recipient() => $"dest-{Guid.NewGuid():N}"[..16] + "@exemple.test";

    private static DateTimeOffset Now() => TimeProvider.System.GetUtcNow();

    private string EmlPath(OutboxMessage message) => Path.Combine(_app.PickupDirectory, PickupDirectoryMailDelivery.FileName(message.MessageId));

    private Task<OutboxMessage> QueueAsync(string template, string recipient, object model) => _app.WithServicesAsync(async sp =>
    {
        var message = await sp.GetRequiredService<MailOutbox>().QueueAsync(template, recipient, model, $"test:{Guid.NewGuid():N}");
        await sp.GetRequiredService<BenchmarkDbContext>().SaveChangesAsync();
        return message;
    });

    private Task<OutboxMessage> AddAsync(OutboxMessage message) => _app.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<BenchmarkDbContext>();
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message;
    });

    private Task<int> DispatchAsync() => _app.WithServicesAsync(sp => sp.GetRequiredService<OutboxDispatcher>().DispatchAsync());

    private Task<OutboxMessage?> ReloadAsync(Guid id) =>
        _app.WithServicesAsync(sp => sp.GetRequiredService<BenchmarkDbContext>().OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id));
}
