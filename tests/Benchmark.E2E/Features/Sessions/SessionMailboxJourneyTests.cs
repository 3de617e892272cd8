using System.Globalization;
using Benchmark.Core.Scheduling;
using Benchmark.E2E.Infrastructure;
using Benchmark.Web.Tests.Infrastructure.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Benchmark.E2E.Features.Sessions;

/// <summary>
/// Done when of the sessions: a consultant schedules, moves and cancels a session in the browser, and every
/// participant's mailbox (maildev) then holds the invitation, the change and the cancellation, each a valid invite.
/// </summary>
[Collection(MailBrowserTestGroup.Name)]
public sealed class SessionMailboxJourneyTests(MailBrowserFixture browser)
{
    [MailBrowserFact]
    public async Task ScheduleMoveCancel_WhenConsultantUsesTheBrowser_ThenEachParticipantReceivesRequest0Request1Cancel2()
    {
        using var maildev = Maildev.Shared();
        var sessionId = await MaildevSessions.PlannedCollectiveSessionAsync(browser.App, DemoUsers.Consultant);
        var today = ParisTime.Today(browser.App.Services.GetRequiredService<TimeProvider>());
        var first = today.AddDays(30);
        var moved = today.AddDays(37);
        var page = await browser.NewPageAsync();
        await DemoUsers.SignInAsync(page, DemoUsers.Consultant);
        await page.GotoAsync($"/seances/{sessionId}");
        await Accessibility.AssertNoViolationAsync(page);

        var schedule = page.Locator("form[aria-labelledby='programmer']");
        await schedule.GetByLabel("Date").FillAsync(Iso(first));
        await schedule.GetByLabel("Heure de début").FillAsync("09:30");
        await schedule.GetByLabel("Durée").FillAsync("150");
        await schedule.GetByLabel("Lieu").FillAsync("Salle Ravel, 3 rue de l'Hôpital, Lyon");
        await schedule.GetByRole(AriaRole.Button, new() { Name = "Programmer et envoyer les invitations" }).ClickAsync();
        await Assertions.Expect(page.GetByText("La séance est programmée")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationAsync(page);

        var reschedule = page.Locator("form[aria-labelledby='reprogrammer']");
        await reschedule.GetByLabel("Date").FillAsync(Iso(moved));
        await reschedule.GetByLabel("Heure de début").FillAsync("14:00");
        await reschedule.GetByLabel("Lien de visioconférence").FillAsync("https://visio.exemple.fr/salle-42");
        await reschedule.GetByRole(AriaRole.Button, new() { Name = "Reprogrammer et envoyer la modification" }).ClickAsync();
        await Assertions.Expect(page.GetByText("La séance est reprogrammée")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationAsync(page);

        var cancel = page.Locator("form[aria-labelledby='annuler']");
        await cancel.GetByLabel("Motif de l'annulation").FillAsync("Intervenant indisponible");
        await cancel.GetByRole(AriaRole.Button, new() { Name = "Annuler la séance…" }).ClickAsync();

        // Nothing is sent before the consultant confirms: the page says what the cancel will do.
        var confirm = page.Locator("#confirmer-annulation");
        await Assertions.Expect(confirm).ToContainTextAsync("recevront l'annulation dans leur agenda");
        await Artifacts.ScreenshotAsync(page, "seance-confirmer-annulation");
        await Accessibility.AssertNoViolationAsync(page);
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Confirmer l'annulation" }).ClickAsync();
        await Assertions.Expect(page.GetByText("La séance est annulée")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#statut-seance")).ToHaveTextAsync("annulée");
        await Artifacts.ScreenshotAsync(page, "seance-annulee-consultant");
        await Accessibility.AssertNoViolationAsync(page);

        var (session, rows) = await MaildevSessions.InvitesAsync(browser.App, sessionId);
        var recipients = rows.GroupBy(r => r.Recipient.ToLowerInvariant(), StringComparer.Ordinal).ToList();
        Assert.Contains(recipients, r => r.Key == DemoUsers.Consultant);
        Assert.True(recipients.Count >= 3, $"the group's trinômes and the consultant: {recipients.Count} recipient(s)");
        foreach (var recipient in recipients)
        {
            var invites = new List<MaildevInvite>();
            foreach (var row in recipient)
            {
                // The background dispatcher sends every second: wait for the message, then make sure it came once.
                var mail = Assert.Single(await Maildev.WaitForAsync(() => maildev.WithMessageIdAsync(row.MessageId), 1, TimeSpan.FromSeconds(60)));
                Assert.Equal(recipient.Key, Assert.Single(mail.To).Address.ToLowerInvariant());
                invites.Add(await MaildevInvite.ReadAsync(maildev, mail));
            }

            invites = [.. invites.OrderBy(i => i.Sequence)];
            Assert.Equal(
                [("REQUEST", 0), ("REQUEST", 1), ("CANCEL", 2)],
                invites.Select(i => (i.Method, i.Sequence)));
            Assert.All(invites, i =>
            {
                Assert.True(i.ValidatorExitCode == 0, $"{recipient.Key}: {i.ValidatorOutput}");
                Assert.Equal(i.Method, i.MimeMethod);
                Assert.Equal(session.Uid, i.Uid);
            });
            Assert.Equal($"{Iso(first)}T09:30:00", invites[0].IcalJs.GetProperty("startLocal").GetString());
            Assert.Equal($"{Iso(moved)}T14:00:00", invites[1].IcalJs.GetProperty("startLocal").GetString());
            Assert.Equal("CANCELLED", invites[2].IcalJs.GetProperty("status").GetString());
        }

        // A cancelled session is planned again: a new meeting (new UID), the cancelled one stays in the history.
        var replan = page.Locator("form[aria-labelledby='replanifier']");
        await replan.GetByLabel("Date").FillAsync(Iso(moved.AddDays(7)));
        await replan.GetByLabel("Heure de début").FillAsync("10:00");
        await replan.GetByRole(AriaRole.Button, new() { Name = "Planifier et envoyer les nouvelles invitations" }).ClickAsync();
        await Assertions.Expect(page.GetByText("La séance est planifiée à nouveau")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#statut-seance")).ToHaveTextAsync("programmée");
        Assert.NotEqual(sessionId.ToString(), page.Url.Split('/')[^1].Split('?')[0]);
        await Artifacts.ScreenshotAsync(page, "seance-planifiee-a-nouveau");
        await Accessibility.AssertNoViolationAsync(page);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
