using System.Net;
using Benchmark.Core.Domain;
using Benchmark.Web.Features.Demo;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Benchmark.Web.Tests.Features.Deliverables.DeliverableScenario;

namespace Benchmark.Web.Tests.Features.Deliverables;

/// <summary>
/// /parcours/{enrolmentId}/livrables/{deliverableKey}: submit → request changes → resubmit → approve over real HTTP, each
/// refusal (wrong person, missing comment, stale or decided version) saving nothing, and the access rule (404).
/// </summary>
public sealed class DeliverableWorkflowTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    private const string Engagement = "engagement-directoire";

    [Fact]
    public async Task Deliverable_WhenSubmittedChangedResubmittedApproved_ThenEveryVersionReviewAuditAndEmailIsKept()
    {
        var enrolment = await EnrolmentAsync(app, 0, "gestion-flux-patients");
        using var team = await SignedInAsync(app, Team);
        using var referent = await SignedInAsync(app, Referent);

        var submitted = await UploadAsync(team, enrolment, Engagement, "engagement v1.pdf", Pdf("v1"));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var missingComment = await DecideAsync(referent, enrolment, Engagement, "modifier", 1, "  ");
        Assert.Contains("Expliquez les modifications attendues", await TextAsync(missingComment), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(referent, enrolment, Engagement, "modifier", 1, "Signature du président manquante")).StatusCode);
        var resubmitted = await UploadAsync(team, enrolment, Engagement, "engagement v2.pdf", Pdf("v2"));
        Assert.Equal(HttpStatusCode.Redirect, resubmitted.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(referent, enrolment, Engagement, "valider", 2, "Merci")).StatusCode);

        var page = await TextAsync(await team.GetAsync(new Uri(PagePath(enrolment, Engagement), UriKind.Relative)));
        var (record, audit, mails) = await WithDbAsync(app, async db =>
        {
            var record = await db.Deliverables.AsNoTracking().SingleAsync(d => d.EnrolmentId == enrolment && d.DeliverableId == Engagement);
            var audit = await db.AuditEvents.AsNoTracking().Where(a => a.EnrolmentId == enrolment && a.Action.StartsWith("deliverable.") && a.Target == "Engagement écrit du Directoire de l'établissement").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
            var mails = await db.OutboxMessages.AsNoTracking().Where(m => m.IdempotencyKey.Contains(record.Id.ToString())).ToListAsync();
            return (record, audit, mails);
        });
        Assert.Equal(DeliverableStatus.Approved, record.Status);
        Assert.Equal([1, 2], record.Submissions.OrderBy(s => s.Version).Select(s => s.Version));
        Assert.All(record.Submissions, s => Assert.Matches("^[0-9a-f]{64}$", s.Sha256!));
        Assert.Equal([ReviewDecision.ChangesRequested, ReviewDecision.Approved], record.Reviews.OrderBy(r => r.Version).Select(r => r.Decision));
        Assert.Equal("Signature du président manquante", record.Reviews.Single(r => r.Version == 1).Comment);
        Assert.Equal(["deliverable.submit", "deliverable.request-changes", "deliverable.submit", "deliverable.approve"], audit);
        Assert.Equal(2, mails.Count(m => m.Kind == "deliverable-submitted" && m.Recipient == Referent));
        Assert.Contains(mails, m => m.Kind == "deliverable-decided" && m.Payload.Contains("Signature du pr", StringComparison.Ordinal));
        Assert.Contains("Validé", page, StringComparison.Ordinal);
        Assert.Contains("engagement v1.pdf", page, StringComparison.Ordinal);
        Assert.Contains("engagement v2.pdf", page, StringComparison.Ordinal);
        Assert.Contains("Signature du président manquante", page, StringComparison.Ordinal);
        Assert.Contains("Rémi Référent (ARS)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_WhenApprovalMeetsTheGate_ThenNextPhaseOpensAndTeamIsTold()
    {
        var enrolment = await EnrolmentAsync(app, 0, "office-surgery");
        using var team = await SignedInAsync(app, Team);
        using var referent = await SignedInAsync(app, Referent);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(team, enrolment, "lettre-intention", "lettre.docx", OpenXml("docx"))).StatusCode);

        var approved = await DecideAsync(referent, enrolment, "lettre-intention", "valider", 1, null);

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var (phase, decided, gateOpened, audit) = await WithDbAsync(app, async db => (
            (await db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == enrolment)).CurrentPhaseId,
            await db.OutboxMessages.AsNoTracking().Where(m => m.Kind == "deliverable-decided" && m.Payload.Contains(enrolment.ToString())).Select(m => m.Payload).ToListAsync(),
            await db.OutboxMessages.AsNoTracking().CountAsync(m => m.Kind == "gate-opened" && m.IdempotencyKey.Contains(enrolment.ToString())),
            await db.AuditEvents.AsNoTracking().Where(a => a.EnrolmentId == enrolment && a.Actor != DemoSeeder.ActorName).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync()));
        Assert.Equal("candidature", phase);
        Assert.True(gateOpened > 0);
        Assert.Equal(["deliverable.submit", "deliverable.approve", "phase.close", "phase.open"], audit);
        Assert.NotEmpty(decided);
        Assert.All(decided, p => Assert.Contains("\"phase_opened\":\"", p, StringComparison.Ordinal));
        var journey = await TextAsync(await team.GetAsync(new Uri($"/parcours/{enrolment}", UriKind.Relative)));
        Assert.Contains("Étape 2 sur", journey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_WhenNotTheApprover_ThenRefusedAndNothingChanges()
    {
        var enrolment = await EnrolmentAsync(app, 0, "gestion-flux-patients");
        using var team = await SignedInAsync(app, Team);
        using var consultant = await SignedInAsync(app, Consultant);
        using var referent = await SignedInAsync(app, Referent);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(consultant, enrolment, "calendrier-sessions", "calendrier.xlsx", OpenXml("xlsx"))).StatusCode);

        var byConsultant = await DecideAsync(consultant, enrolment, "calendrier-sessions", "valider", 1, null);
        var byTeam = await DecideAsync(team, enrolment, "calendrier-sessions", "valider", 1, null);
        var stale = await DecideAsync(referent, enrolment, "calendrier-sessions", "valider", 2, null);
        var byReferentUpload = await UploadAsync(referent, enrolment, "calendrier-sessions", "autre.pdf", Pdf());

        Assert.Contains("est validé par", await TextAsync(byConsultant), StringComparison.Ordinal);
        Assert.Contains("est validé par", await TextAsync(byTeam), StringComparison.Ordinal);
        Assert.Contains("Rien n'a été enregistré", await TextAsync(stale), StringComparison.Ordinal);
        Assert.Contains("Vous ne pouvez pas déposer", await TextAsync(byReferentUpload), StringComparison.Ordinal);
        var record = await WithDbAsync(app, db => db.Deliverables.AsNoTracking().SingleAsync(d => d.EnrolmentId == enrolment && d.DeliverableId == "calendrier-sessions"));
        Assert.Equal(DeliverableStatus.Submitted, record.Status);
        Assert.Single(record.Submissions);
        Assert.Empty(record.Reviews);

        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(referent, enrolment, "calendrier-sessions", "valider", 1, null)).StatusCode);
        var again = await DecideAsync(referent, enrolment, "calendrier-sessions", "modifier", 1, "Trop tard");
        Assert.Contains("Déjà décidé", await TextAsync(again), StringComparison.Ordinal);
        Assert.Single((await WithDbAsync(app, db => db.Deliverables.AsNoTracking().SingleAsync(d => d.EnrolmentId == enrolment && d.DeliverableId == "calendrier-sessions"))).Reviews);
    }

    [Fact]
    public async Task Submit_WhenPhaseNotOpenYet_ThenNoUploadFormAndPostRefused()
    {
        var enrolment = await EnrolmentAsync(app, 0, "gestion-flux-patients");
        using var team = await SignedInAsync(app, Team);

        var page = await TextAsync(await team.GetAsync(new Uri(PagePath(enrolment, "note-de-cadrage"), UriKind.Relative)));
        var post = await UploadAsync(team, enrolment, "note-de-cadrage", "note.pdf", Pdf());

        Assert.DoesNotContain("Déposer et soumettre", page, StringComparison.Ordinal);
        Assert.Contains("Vous ne pouvez pas déposer", await TextAsync(post), StringComparison.Ordinal);
        Assert.False(await WithDbAsync(app, db => db.Deliverables.AnyAsync(d => d.EnrolmentId == enrolment && d.DeliverableId == "note-de-cadrage")));
    }

    [Fact]
    public async Task Deliverables_WhenTeamMemberOfAnotherEstablishment_ThenListDownloadAndActionsAreNotFound()
    {
        var theirs = await EnrolmentAsync(app, 1, "gestion-flux-patients");
        using var owner = await SignedInAsync(app, OtherTeam);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(owner, theirs, "engagement-directoire", "secret.pdf", Pdf("secret"))).StatusCode);
        using var intruder = await SignedInAsync(app, Team);
        using var otherConsultant = await SignedInAsync(app, Consultant);
        var token = await TokenAsync(intruder, "/compte");

        foreach (var client in new[] { intruder, otherConsultant })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/parcours/{theirs}/livrables", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(PagePath(theirs, Engagement), UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(PagePath(theirs, Engagement) + "?handler=Fichier&version=1", UriKind.Relative))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(intruder, theirs, Engagement, "x.pdf", Pdf(), token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await DecideAsync(intruder, theirs, Engagement, "valider", 1, null, token)).StatusCode);
        var record = await WithDbAsync(app, db => db.Deliverables.AsNoTracking().SingleAsync(d => d.EnrolmentId == theirs && d.DeliverableId == Engagement));
        Assert.Single(record.Submissions);
        Assert.Equal(DeliverableStatus.Submitted, record.Status);
    }

    [Fact]
    public async Task List_WhenOwnEnrolment_ThenEveryDeliverableWithStateAndApprover()
    {
        var enrolment = await EnrolmentAsync(app, 0, "gestion-flux-patients");
        using var team = await SignedInAsync(app, Team);

        var html = await TextAsync(await team.GetAsync(new Uri($"/parcours/{enrolment}/livrables", UriKind.Relative)));

        Assert.Contains("Engagement écrit du Directoire de l'établissement", html, StringComparison.Ordinal);
        Assert.Contains("Note de cadrage du projet", html, StringComparison.Ordinal);
        Assert.Contains("Représentant désigné de l'ARS PACA", html, StringComparison.Ordinal);
        Assert.Contains($"/parcours/{enrolment}/livrables/note-de-cadrage", html, StringComparison.Ordinal);
    }
}
