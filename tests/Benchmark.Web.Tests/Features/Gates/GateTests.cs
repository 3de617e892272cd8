using System.Net;
using Benchmark.Core.Domain;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Benchmark.Web.Tests.Features.Gates.Steering;

namespace Benchmark.Web.Tests.Features.Gates;

/// <summary>
/// /parcours/{enrolmentId}/porte over real HTTP: closing a phase whose gate is (not) met, forcing it as ArsAdmin with a
/// justification, the office-surgery go / no-go, who may do what, the « gate opened » emails and the audit trail.
/// Each test works on its own enrolment, so they share one database.
/// </summary>
public sealed class GateTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    [Fact]
    public async Task Close_WhenGateNotMetThenMet_ThenRefusedNamingWhatIsMissingThenTheLastStepOpensTheNextPhaseWithEmails()
    {
        var enrolment = await EnrolmentAsync(app, 1, "benchmark-bloc-uca");
        using var team = await app.SignedInAsync(OtherTeam);
        var consultantEmail = await ConsultantOfAsync(app, enrolment);
        using var consultant = await app.SignedInAsync(consultantEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await TickAsync(team, enrolment, "equipe-direction")).StatusCode);

        var refused = await CloseAsync(consultant, enrolment, "structure-projet");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("ne peut pas encore être close : Élément de check-list « Désigner un représentant du corps médical", await TextAsync(refused), StringComparison.Ordinal);
        Assert.Equal("structure-projet", (await StateAsync(app, enrolment)).CurrentPhaseId);

        foreach (var item in new[] { "equipe-medical", "equipe-paramedical", "equipe-dim-dsi" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await TickAsync(team, enrolment, item)).StatusCode);
        }

        Assert.Equal("structure-projet", (await StateAsync(app, enrolment)).CurrentPhaseId);

        // The last requirement met (an item marked « non applicable » by the team) closes the phase in the same command.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(team, ChecklistPath(enrolment), "NotApplicable",
            new Dictionary<string, string> { ["item"] = "interlocuteur-privilegie", ["reason"] = "Le pilote est l'interlocuteur" })).StatusCode);

        var state = await StateAsync(app, enrolment);
        Assert.Equal("formations", state.CurrentPhaseId);
        Assert.Equal(PhaseStatus.Closed, state.Phase("structure-projet")!.Status);
        Assert.Null(state.Phase("structure-projet")!.ForcedJustification);
        Assert.True(state.Phase("structure-projet")!.ClosedAutomatically);
        var audit = await AuditAsync(app, enrolment);
        Assert.Equal(["checklist.not-applicable", "phase.close", "phase.open"], audit.TakeLast(3).Select(a => a.Action));
        Assert.Equal(["Structure projet interne", "Formations et lancement"], audit.TakeLast(2).Select(a => a.Target));
        Assert.Equal("close : condition de passage remplie", audit[^2].After);
        var mails = await DbAsync(app, db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind == "gate-opened" && m.IdempotencyKey.Contains(enrolment.ToString())).ToListAsync());
        Assert.Contains(mails, m => m.Recipient == OtherTeam);
        Assert.Contains(mails, m => m.Recipient == consultantEmail);
        Assert.All(mails, m => Assert.Equal("Phase ouverte : Formations et lancement — " + m.Subject.Split(" — ")[1], m.Subject));
        var journey = await TextAsync(await team.GetAsync(new Uri($"/parcours/{enrolment}", UriKind.Relative)));
        Assert.Contains("Pour clore « Formations et lancement »", journey, StringComparison.Ordinal);
        Assert.Matches("Close d'elle-même le <time[^>]*>[^<]+</time>, quand [^<]+ a rempli la dernière condition", journey);
        var again = await CloseAsync(consultant, enrolment, "structure-projet");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("n'est pas en cours", await TextAsync(again), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_WhenTeamMember_ThenRefusedAndNoCloseButtonShown()
    {
        var enrolment = await EnrolmentAsync(app, 0, "hdj-medecine");
        using var team = await app.SignedInAsync(Team);
        var phase = (await StateAsync(app, enrolment)).CurrentPhaseId;

        var journey = await TextAsync(await team.GetAsync(new Uri($"/parcours/{enrolment}", UriKind.Relative)));
        var refused = await CloseAsync(team, enrolment, phase);

        Assert.DoesNotContain("handler=Close", journey, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Le passage à la phase suivante est prononcé par le consultant ou l'ARS.", await TextAsync(refused), StringComparison.Ordinal);
        Assert.Equal(phase, (await StateAsync(app, enrolment)).CurrentPhaseId);
    }

    [Fact]
    public async Task Force_WhenArsAdmin_ThenJustificationRequiredThenPhaseClosedAndShownAsForced()
    {
        var enrolment = await EnrolmentAsync(app, 0, "coaching-imagerie");
        using var admin = await app.SignedInAsync(ArsAdmin);
        using var consultant = await app.SignedInAsync(await ConsultantOfAsync(app, enrolment));

        var noJustification = await PostAsync(admin, Gate(enrolment), "Force", new Dictionary<string, string> { ["phase"] = "lancement", ["justification"] = " " });
        var byConsultant = await PostAsync(consultant, Gate(enrolment), "Force", new Dictionary<string, string> { ["phase"] = "lancement", ["justification"] = "Je force" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, noJustification.StatusCode);
        Assert.Contains("id=\"justification-erreur\">Le passage forcé exige une justification écrite.", await TextAsync(noJustification), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, byConsultant.StatusCode);
        Assert.Contains("Seul un administrateur ARS peut forcer le passage d'une phase.", await TextAsync(byConsultant), StringComparison.Ordinal);
        Assert.Equal("lancement", (await StateAsync(app, enrolment)).CurrentPhaseId);

        var forced = await PostAsync(admin, Gate(enrolment), "Force",
            new Dictionary<string, string> { ["phase"] = "lancement", ["justification"] = "Séances tenues hors application (report COVID)" });

        Assert.Equal(HttpStatusCode.Redirect, forced.StatusCode);
        var state = await StateAsync(app, enrolment);
        Assert.Equal(("j1-j2", "Séances tenues hors application (report COVID)"), (state.CurrentPhaseId, state.Phase("lancement")!.ForcedJustification));
        var audit = (await AuditAsync(app, enrolment)).Single(a => a.Action == "phase.force");
        Assert.Equal("Séances tenues hors application (report COVID)", audit.Justification);
        var journey = await TextAsync(await consultant.GetAsync(new Uri($"/parcours/{enrolment}", UriKind.Relative)));
        Assert.Matches("forcé par [^<]+ le <time[^>]*>[^<]+</time> : « Séances tenues hors application \\(report COVID\\) »", journey);
    }

    [Fact]
    public async Task Decide_WhenOfficeSurgeryVisit_ThenOnlyTheArsDecidesAndNoGoBlocksGoOpens()
    {
        var enrolment = await EnrolmentAsync(app, 1, "office-surgery");
        using var admin = await app.SignedInAsync(ArsAdmin);
        using var referent = await app.SignedInAsync(Referent);
        using var consultant = await app.SignedInAsync(await ConsultantOfAsync(app, enrolment));
        foreach (var phase in new[] { "ami", "candidature", "instruction-selection" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, Gate(enrolment), "Force",
                new Dictionary<string, string> { ["phase"] = phase, ["justification"] = "Dossier instruit sur papier" })).StatusCode);
        }

        Assert.Equal("visite-lancement", (await StateAsync(app, enrolment)).CurrentPhaseId);
        await DbAsync(app, async db =>
        {
            // The visit was held: the gate then waits for the decision alone.
            var e = await db.Enrolments.AsNoTracking().SingleAsync(x => x.Id == enrolment);
            var wave = await db.Waves.AsNoTracking().SingleAsync(w => w.Id == e.WaveId);
            var start = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
            var session = new Session(Guid.NewGuid(), wave.Id, null, enrolment, "VISITE", Core.Definitions.SessionKind.Individual, start, start.AddHours(2));
            Assert.True(session.Schedule(new SessionSlot(start, start.AddHours(2), "Bloc opératoire", null, null), start.AddDays(-7)).IsSuccess);
            Assert.True(session.MarkHeld("Visite faite", start.AddHours(3)).IsSuccess);
            db.Sessions.Add(session);
            return await db.SaveChangesAsync();
        });

        var byConsultant = await PostAsync(consultant, Gate(enrolment), "Decide", new Dictionary<string, string> { ["phase"] = "visite-lancement", ["go"] = "true" });
        var noChoice = await PostAsync(referent, Gate(enrolment), "Decide", new Dictionary<string, string> { ["phase"] = "visite-lancement" });
        var noGo = await PostAsync(referent, Gate(enrolment), "Decide",
            new Dictionary<string, string> { ["phase"] = "visite-lancement", ["go"] = "false", ["comment"] = "Salle de réveil non conforme" });
        var closeAfterNoGo = await CloseAsync(referent, enrolment, "visite-lancement");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, byConsultant.StatusCode);
        Assert.Contains("Vous ne tenez aucun rôle de ce programme", await TextAsync(byConsultant), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noChoice.StatusCode);
        Assert.Contains("Choisissez go ou no-go.", await TextAsync(noChoice), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, noGo.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, closeAfterNoGo.StatusCode);
        Assert.Contains("Décision « Visite ARS : go / no-go » défavorable", await TextAsync(closeAfterNoGo), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(referent, Gate(enrolment), "Decide",
            new Dictionary<string, string> { ["phase"] = "visite-lancement", ["go"] = "true", ["comment"] = "Conforme après travaux" })).StatusCode);

        var state = await StateAsync(app, enrolment);
        Assert.Equal("mise-en-oeuvre", state.CurrentPhaseId);
        Assert.Equal([false, true], state.Decisions.OrderBy(d => d.At).Select(d => d.Go));
        var decisions = (await AuditAsync(app, enrolment)).Where(a => a.Action == "gate.decide").ToList();
        Assert.Equal([("défavorable (no-go)", "Salle de réveil non conforme"), ("favorable (go)", "Conforme après travaux")],
            decisions.Select(a => (a.After, a.Justification)));
    }

    [Fact]
    public async Task Gate_WhenTeamMemberOfAnotherEstablishment_ThenNotFoundOnEveryHandlerAndNothingChanges()
    {
        var other = await EnrolmentAsync(app, 1, "gestion-flux-patients");
        using var team = await app.SignedInAsync(Team);
        var before = (await StateAsync(app, other)).CurrentPhaseId;

        Assert.Equal(HttpStatusCode.NotFound, (await team.GetAsync(new Uri(Gate(other), UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CloseAsync(team, other, before)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(team, Gate(other), "Force", new Dictionary<string, string> { ["phase"] = before, ["justification"] = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(team, Gate(other), "Decide", new Dictionary<string, string> { ["phase"] = before, ["go"] = "true" })).StatusCode);
        Assert.Equal(before, (await StateAsync(app, other)).CurrentPhaseId);
        Assert.DoesNotContain(await AuditAsync(app, other), a => a.Action.StartsWith("phase.", StringComparison.Ordinal) || a.Action == "gate.decide");
    }
}
