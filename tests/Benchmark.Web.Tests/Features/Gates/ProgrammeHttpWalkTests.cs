using System.Net;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Web.Tests.Features.Candidature;
using Benchmark.Web.Tests.Features.Deliverables;
using Benchmark.Web.Tests.Features.Roadmap;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Benchmark.Web.Tests.Features.Gates.Steering;

namespace Benchmark.Web.Tests.Features.Gates;

/// <summary>
/// Each of the five programmes walked through ALL its gates over real HTTP, on a demo enrolment, by the people the
/// definition names: the team ticks its items, the consultant his, the ARS referent the ARS's; each deliverable is
/// deposited by its owner's side (a PDF, or the roadmap / candidature editors) and approved by its approver; the
/// referent takes the go / no-go; the consultant (or the ARS, without a consultant) closes what an approval did not.
/// The only step outside HTTP is a session being held (its minutes are another slice): a held row is added.
/// The engine-level walk of the same files is Core.Tests' ProgrammeGateTests.
/// </summary>
public sealed class ProgrammeHttpWalkTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    public static TheoryData<string> Programmes() => ["benchmark-bloc-uca", "coaching-imagerie", "gestion-flux-patients", "hdj-medecine", "office-surgery"];

    [Theory]
    [MemberData(nameof(Programmes))]
    public async Task Walk_WhenEachGateIsMetOverHttp_ThenEveryPhaseClosesInTurnAndTheEnrolmentCompletes(string programme)
    {
        var enrolment = await EnrolmentAsync(app, 0, programme);
        var definition = await DbAsync(app, async db =>
            (await db.ProgrammeDefinitions.SingleAsync(d => d.ProgrammeId == programme && db.Waves.Any(w => w.DefinitionId == d.Id && db.Enrolments.Any(e => e.Id == enrolment && e.WaveId == w.Id)))).Parse());
        using var team = await app.SignedInAsync(Team);
        using var consultant = await app.SignedInAsync(await ConsultantOfAsync(app, enrolment));
        using var referent = await app.SignedInAsync(Referent);
        HttpClient By(string role) => definition.FindRole(role)?.Side switch
        {
            RoleSide.Establishment => team,
            RoleSide.Consultant => consultant,
            _ => referent,
        };
        var steward = definition.Roles.Any(r => r.Side == RoleSide.Consultant) ? consultant : referent;

        foreach (var phase in definition.Phases)
        {
            Assert.Equal(phase.Id, (await StateAsync(app, enrolment)).CurrentPhaseId);
            if (!phase.Gate.IsEmpty)
            {
                var early = await CloseAsync(steward, enrolment, phase.Id);
                Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
                Assert.Contains("ne peut pas encore être close", await TextAsync(early), StringComparison.Ordinal);
            }

            foreach (var item in phase.Gate.AllChecklist ? phase.Checklist.Where(i => !i.Optional) : phase.Gate.Checklist.Select(id => definition.FindChecklistItem(id)!))
            {
                await ExpectRedirectAsync(await TickAsync(By(item.Owner), enrolment, item.Id), $"tick {item.Id}");
            }

            foreach (var session in phase.Gate.Sessions)
            {
                await HoldAsync(enrolment, definition.FindSession(session)!);
            }

            foreach (var d in phase.Gate.Deliverables.Select(id => definition.FindDeliverable(id)!))
            {
                await ExpectRedirectAsync(await DepositAsync(By(d.Owner), enrolment, d), $"deposit {d.Id}");
                if (d.Approver is { } approver)
                {
                    await ExpectRedirectAsync(await DeliverableScenario.DecideAsync(By(approver), enrolment, d.Id, "valider", 1, null), $"approve {d.Id}");
                }
            }

            if (phase.Gate.Decision is { } decision)
            {
                await ExpectRedirectAsync(await PostAsync(By(decision.By), Gate(enrolment), "Decide",
                    new Dictionary<string, string> { ["phase"] = phase.Id, ["go"] = "true", ["comment"] = "Favorable" }), $"decide {phase.Id}");
            }

            if ((await StateAsync(app, enrolment)).Phase(phase.Id)!.Status == PhaseStatus.Open)
            {
                await ExpectRedirectAsync(await CloseAsync(steward, enrolment, phase.Id), $"close {phase.Id}");
            }

            var state = await StateAsync(app, enrolment);
            Assert.Equal(PhaseStatus.Closed, state.Phase(phase.Id)!.Status);
            Assert.Null(state.Phase(phase.Id)!.ForcedJustification);
        }

        var done = await StateAsync(app, enrolment);
        Assert.Equal(EnrolmentStatus.Completed, done.Status);
        Assert.All(done.Phases, p => Assert.Equal(PhaseStatus.Closed, p.Status));
        var audit = await AuditAsync(app, enrolment);
        Assert.Equal(definition.Phases.Count, audit.Count(a => a.Action == "phase.close"));
        Assert.DoesNotContain(audit, a => a.Action == "phase.force");
        Assert.Single(audit, a => a.Action == "enrolment.complete");
    }

    private static async Task<HttpResponseMessage> DepositAsync(HttpClient client, Guid enrolment, DeliverableDefinition d) => d.Kind switch
    {
        DeliverableKind.Roadmap => await BenchmarkApp.PostFormAsync(client, $"/parcours/{enrolment}/feuille-de-route?handler=Submit",
            RoadmapPageTests.Action("Cellule de gestion des lits", "2027-01-04", "2027-03-31"), $"/parcours/{enrolment}/feuille-de-route"),
        DeliverableKind.Candidature => await BenchmarkApp.PostFormAsync(client, $"/parcours/{enrolment}/candidature?handler=Submit",
            CandidaturePageTests.Complete(), $"/parcours/{enrolment}/candidature"),
        _ => await DeliverableScenario.UploadAsync(client, enrolment, d.Id, $"{d.Id}.pdf", DeliverableScenario.Pdf(d.Id)),
    };

    /// <summary>The session took place: a held row for this enrolment (scheduling and minutes are the sessions slice's tests).</summary>
    private Task<int> HoldAsync(Guid enrolment, SessionDefinition session) => DbAsync(app, async db =>
    {
        var e = await db.Enrolments.AsNoTracking().SingleAsync(x => x.Id == enrolment);
        var start = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        var held = new Session(Guid.NewGuid(), e.WaveId, null, enrolment, session.Id, session.Kind, start, start.AddHours(2));
        Assert.True(held.Schedule(new SessionSlot(start, start.AddHours(2), "Salle de l'établissement", null, null), start.AddDays(-7)).IsSuccess);
        Assert.True(held.MarkHeld("Séance tenue", start.AddHours(3)).IsSuccess);
        db.Sessions.Add(held);
        return await db.SaveChangesAsync();
    });

    private static async Task ExpectRedirectAsync(HttpResponseMessage response, string step)
    {
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var text = await TextAsync(response);
            var error = text.IndexOf("fr-alert--error", StringComparison.Ordinal) is var a and >= 0 ? a : Math.Max(0, text.IndexOf("fr-error-text", StringComparison.Ordinal));
            Assert.Fail($"{step}: {(int)response.StatusCode} {text[error..Math.Min(text.Length, error + 800)]}");
        }
    }
}
