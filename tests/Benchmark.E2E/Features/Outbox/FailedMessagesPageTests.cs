using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.E2E.Infrastructure;
using Benchmark.Web.Infrastructure.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Benchmark.E2E.Features.Outbox;

/// <summary>The ArsAdmin reaches the failed messages from the menu and sends one again.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class FailedMessagesPageTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task Menu_WhenAdminResendsAFailedMessage_ThenConfirmedAndAxeFindsNoViolation()
    {
        var recipient = $"refuse-{Guid.NewGuid():N}"[..15] + "@exemple.test";
        await browser.App.WithServicesAsync(async sp =>
        {
            var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
            var message = new OutboxMessage(Guid.CreateVersion7(), $"e2e:{Guid.NewGuid():N}", "invitation", recipient, "Invitation à rejoindre Benchmark",
                MailOutbox.Payload("invitation", new { Name = "Zoé", Link = "https://x.test/" }).ToJsonString(), now);
            message.MarkFailed("SMTP 550 : destinataire inconnu", permanent: true, now);
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            db.OutboxMessages.Add(message);
            return await db.SaveChangesAsync();
        });
        var page = await browser.NewPageAsync();
        await DemoUsers.SignInAsync(page, DemoUsers.Admin);

        await page.GetByRole(AriaRole.Link, new() { Name = "Messages en échec" }).First.ClickAsync();

        var table = page.GetByRole(AriaRole.Table, new() { Name = "Messages en échec ou en attente" });
        var row = table.GetByRole(AriaRole.Row).Filter(new() { HasText = recipient });
        await Assertions.Expect(row).ToContainTextAsync("SMTP 550 : destinataire inconnu");
        await Accessibility.AssertNoViolationAsync(page);

        await row.GetByRole(AriaRole.Button, new() { Name = $"Renvoyer le message à {recipient}" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("est remis en file d'envoi");
        await Artifacts.ScreenshotAsync(page, "messages-en-echec-admin");
        await Accessibility.AssertNoViolationAsync(page);
    }
}
