using System.Net;
using AngleSharp.Html.Dom;
using Benchmark.Core.Domain;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Benchmark.Web.Tests.Features.Gates.Steering;

namespace Benchmark.Web.Tests.Pipeline;

/// <summary>
/// The engine owns advancement, through the pages as people use them: the last session held and a deposit that needs
/// no approval each advance the journey in the same command, with the same audit rows and emails as any passage.
/// Every form is the one the page rendered.
/// </summary>
public sealed class AdvancementTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    [Fact]
    public async Task Minutes_WhenTheLastSessionOfTheGateIsHeld_ThenThePhaseClosesAndTheNextOpensWithEmails()
    {
        // Arrange: hdj « Lancement » passed by the team's last tick; « Formation » waits for its two sessions.
        var enrolment = await EnrolmentAsync(app, 0, "hdj-medecine");
        using var team = await app.SignedInAsync(Team);
        var tick = await RenderedForm.FromAsync(team, ChecklistPath(enrolment), f => Holds(f, "inscription-equipe"));
        Assert.Equal(HttpStatusCode.Redirect, (await tick.SubmitAsync(team, "Cocher")).StatusCode);
        Assert.Equal("formation", (await StateAsync(app, enrolment)).CurrentPhaseId);
        var consultantEmail = await ConsultantOfAsync(app, enrolment);
        using var consultant = await app.SignedInAsync(consultantEmail);
        var fx = await StartedAsync(enrolment, "FX");
        var fp = await StartedAsync(enrolment, "FP");

        // Act
        var first = await HoldAsync(consultant, fx);
        var afterFirst = (await StateAsync(app, enrolment)).CurrentPhaseId;
        var last = await HoldAsync(consultant, fp);

        // Assert
        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.StatusCode, last.StatusCode));
        Assert.Equal("formation", afterFirst);
        var state = await StateAsync(app, enrolment);
        Assert.Equal("recueil", state.CurrentPhaseId);
        Assert.Equal(PhaseStatus.Closed, state.Phase("formation")!.Status);
        var audit = await AuditAsync(app, enrolment);
        var close = Assert.Single(audit, a => a.Action == "phase.close" && a.Target == "Formation");
        Assert.Equal("close : condition de passage remplie", close.After);
        Assert.Contains(audit, a => a.Action == "phase.open" && a.Target == "Recueil de données");
        var mails = await DbAsync(app, db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.Kind == "gate-opened" && m.IdempotencyKey.StartsWith($"gate-opened:{enrolment}:recueil:")).ToListAsync());
        Assert.Contains(mails, m => m.Recipient == Team);
        Assert.Contains(mails, m => m.Recipient == consultantEmail);
        Assert.All(mails, m => Assert.Contains("\"automatic\":true", m.Payload, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deposit_WhenTheDeliverableNeedsNoApproval_ThenItIsDepositedNobodyIsAskedToValidateAndANewVersionMayFollow()
    {
        // Arrange: bloc-uca « Formations » open (the ARS admin forced the first phase); the consultant's guide needs no visa.
        var enrolment = await EnrolmentAsync(app, 0, "benchmark-bloc-uca");
        using var admin = await app.SignedInAsync(ArsAdmin);
        var force = await RenderedForm.FromAsync(admin, Gate(enrolment), f => f.Action.Contains("handler=Force", StringComparison.Ordinal));
        force.Fill("Justification écrite", "Équipe constituée hors plateforme");
        Assert.Equal(HttpStatusCode.Redirect, (await force.SubmitAsync(admin)).StatusCode);
        using var consultant = await app.SignedInAsync(await ConsultantOfAsync(app, enrolment));
        var page = $"/parcours/{enrolment}/livrables/guide-methodologique";

        // Act
        var deposit = await RenderedForm.FromAsync(consultant, page, f => f.Action.Contains("handler=Deposer", StringComparison.Ordinal));
        deposit.Attach("Fichier", "guide.pdf", "%PDF-1.4\n% guide\n%%EOF\n"u8.ToArray());
        var response = await deposit.SubmitAsync(consultant, "Déposer");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var record = (await StateAsync(app, enrolment)).Deliverable("guide-methodologique")!;
        Assert.Equal((DeliverableStatus.Approved, 1), (record.Status, record.CurrentVersion));
        Assert.Equal(0, await DbAsync(app, db => db.OutboxMessages.CountAsync(m => m.Kind == "deliverable-submitted" && m.IdempotencyKey.Contains(record.Id.ToString()))));
        var audit = Assert.Single(await AuditAsync(app, enrolment), a => a.Action == "deliverable.submit");
        Assert.StartsWith("déposé : version 1, guide.pdf", audit.After, StringComparison.Ordinal);
        var html = WebUtility.HtmlDecode(await consultant.GetStringAsync(new Uri(page, UriKind.Relative)));
        Assert.Contains("id=\"statut-livrable\">Déposé</p>", html, StringComparison.Ordinal);
        Assert.Contains("Déposer une nouvelle version", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Valider la version", html, StringComparison.Ordinal);
    }

    private static bool Holds(IHtmlFormElement form, string item) =>
        form.Action.Contains("handler=Tick", StringComparison.Ordinal) && form.QuerySelector($"input[name=item][value='{item}']") is not null;

    /// <summary>The enrolment's session <paramref name="sessionId"/>, scheduled (the day before) to have begun four hours ago.</summary>
    private Task<Guid> StartedAsync(Guid enrolment, string sessionId) => DbAsync(app, async db =>
    {
        var session = await db.Sessions.SingleAsync(s => s.EnrolmentId == enrolment && s.SessionId == sessionId);
        var start = TimeProvider.System.GetUtcNow().AddHours(-4);
        Assert.True(session.Schedule(new SessionSlot(start, start.AddMinutes(30), null, "https://visio.exemple.fr/formation", null), start.AddDays(-1)).IsSuccess);
        await db.SaveChangesAsync();
        return session.Id;
    });

    /// <summary>The consultant's minutes form, everyone marked present.</summary>
    private static async Task<HttpResponseMessage> HoldAsync(HttpClient consultant, Guid session)
    {
        var form = await RenderedForm.FromAsync(consultant, $"/seances/{session}/compte-rendu", f => f.QuerySelector("textarea") is not null);
        foreach (var present in form.Element.QuerySelectorAll("input[type=radio][value=present]").OfType<IHtmlInputElement>())
        {
            present.IsChecked = true;
        }

        form.Fill("Compte rendu", "Formation faite, exports vérifiés avec l'équipe.");
        return await form.SubmitAsync(consultant, "Enregistrer le compte rendu");
    }
}
