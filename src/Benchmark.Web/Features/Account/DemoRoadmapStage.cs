using System.Text;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Runtime;
using Benchmark.Data;
using Benchmark.Web.Features.Demo;
using Benchmark.Web.Infrastructure.Files;
using Benchmark.Web.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Account;

/// <summary>
/// The demo's roadmap stage: the flux-patients enrolment of the fourth demo establishment (the team of
/// <see cref="Account"/>) has passed its first phases and, in « Feuille de route », has done all its gate asks but the
/// feuille de route itself — so the ARS visa on it opens the implementation phase. Every step goes through
/// <see cref="WorkflowEngine"/> with actors holding the definition's roles (ticks, small PDF deliverables in the file
/// store, approvals; the engine closes each phase whose gate is met), run through the pipeline (<see cref="EnrolmentExecutor"/>) so each
/// event is audited like the pages do (no email: nobody is told of a demo).
/// Idempotent: only an enrolment still untouched in its first phase is walked.
/// </summary>
internal sealed class DemoRoadmapStage(BenchmarkDbContext db, FileStore files, EnrolmentExecutor pipeline, UnitOfWork unit)
{
    public const string Account = "equipe3@demo.benchmark.test";
    public const string Programme = "gestion-flux-patients";
    public const string RoadmapPhase = "feuille-de-route";
    public const int Establishment = 3;

    /// <summary>Walks the enrolment to the roadmap phase; returns whether it did (false: already there, or no such enrolment).</summary>
    public async Task<bool> EnsureAsync(IReadOnlyDictionary<string, string> accountNames, CancellationToken cancellationToken)
    {
        var finess = DemoSeeder.DemoFiness[Establishment];
        var enrolment = await db.Enrolments.AsSplitQuery()
            .Where(e => db.Establishments.Any(x => x.Id == e.EstablishmentId && x.Finess == finess)
                && db.Waves.Any(w => w.Id == e.WaveId && w.AgencyId == DemoSeeder.DemoAgencyId
                    && db.ProgrammeDefinitions.Any(d => d.Id == w.DefinitionId && d.ProgrammeId == Programme)))
            .SingleOrDefaultAsync(cancellationToken);
        if (enrolment is null || enrolment.Status != EnrolmentStatus.Active || enrolment.Checklist.Count > 0 || enrolment.Deliverables.Count > 0
            || enrolment.Phases.Any(p => p.Status == PhaseStatus.Closed))
        {
            return false;
        }

        var (wave, definition) = await pipeline.ProgrammeAsync(enrolment, cancellationToken);
        if (definition.FindPhase(RoadmapPhase) is not { } roadmapPhase)
        {
            return false;
        }

        var members = await db.TeamMembers.AsNoTracking().Where(m => m.EnrolmentId == enrolment.Id).ToListAsync(cancellationToken);
        var consultant = await db.Groups.AsNoTracking().Where(g => g.Id == enrolment.GroupId)
            .Join(db.Users, g => g.ConsultantId, u => u.Id, (g, u) => u.FullName).SingleOrDefaultAsync(cancellationToken);
        Actor As(string role) => definition.FindRole(role)?.Side switch
        {
            RoleSide.Establishment => new Actor("demo", members.FirstOrDefault(m => m.RoleId == role)?.FullName ?? "Équipe projet (démonstration)", role),
            RoleSide.Consultant => new Actor("demo", consultant ?? "Consultant (démonstration)", role),
            _ => new Actor("demo", accountNames.GetValueOrDefault("referent@demo.benchmark.test", "Référent ARS (démonstration)"), role),
        };

        var walk = new Walk(pipeline, files, definition, wave, enrolment, As);
        var consultantRole = As(definition.Roles.First(r => r.Side == RoleSide.Consultant).Id);
        foreach (var phase in definition.Phases.TakeWhile(p => p.Id != RoadmapPhase))
        {
            await walk.MeetAsync(phase, except: null, cancellationToken);
            if (enrolment.Phase(phase.Id)!.Status == PhaseStatus.Open)
            {
                await walk.RunAsync(phase.Gate.IsEmpty ? new ClosePhase(consultantRole, phase.Id) : new EvaluateGate(consultantRole), cancellationToken);
            }
        }

        await walk.MeetAsync(roadmapPhase, except: d => d.Kind == DeliverableKind.Roadmap, cancellationToken);
        var saved = await unit.SaveAsync(true, new CommandName("demo.roadmap-stage", "démonstration", enrolment.Id), null, cancellationToken);
        return saved.IsSuccess ? saved.Value : throw new InvalidOperationException("Démonstration : " + saved.Error!.Message);
    }

    private sealed class Walk(
        EnrolmentExecutor pipeline, FileStore files, WorkflowDefinition definition, Wave wave, Enrolment enrolment, Func<string, Actor> actorOf)
    {
        /// <summary>Ticks the gate's items and submits (then approves) its deliverables, but those <paramref name="except"/> names.</summary>
        public async Task MeetAsync(PhaseDefinition phase, Func<DeliverableDefinition, bool>? except, CancellationToken cancellationToken)
        {
            var items = phase.Gate.AllChecklist ? phase.Checklist.Where(i => !i.Optional) : phase.Gate.Checklist.Select(id => definition.FindChecklistItem(id)!);
            foreach (var item in items)
            {
                var owner = definition.FindRole(item.Owner)?.Side is RoleSide.Establishment or RoleSide.Ars ? item.Owner : definition.Roles.First(r => r.Side == RoleSide.Consultant).Id;
                await RunAsync(new TickItem(actorOf(owner), item.Id, null), cancellationToken);
            }

            foreach (var d in phase.Gate.Deliverables.Select(id => definition.FindDeliverable(id)!).Where(d => except?.Invoke(d) != true))
            {
                using var pdf = new MemoryStream(Encoding.ASCII.GetBytes($"%PDF-1.4\n% {d.Title} (démonstration)\n%%EOF\n"));
                var stored = await files.SaveAsync(pdf, d.Id + ".pdf", cancellationToken);
                if (!stored.IsSuccess)
                {
                    throw new InvalidOperationException($"Démonstration, {d.Id}.pdf : {stored.Error!.Message}");
                }

                await RunAsync(new SubmitDeliverable(actorOf(d.Owner), d.Id, stored.Value), cancellationToken);
                if (d.Approver is { } approver)
                {
                    await RunAsync(
                        new ApproveDeliverable(actorOf(approver), d.Id, enrolment.Deliverable(d.Id)!.CurrentVersion, "Validé (démonstration)"), cancellationToken);
                }
            }
        }

        public async Task RunAsync(EnrolmentCommand command, CancellationToken cancellationToken)
        {
            var result = await pipeline.ExecuteAsync(definition, wave, enrolment, command, mail: false, cancellationToken);
            if (!result.IsSuccess)
            {
                throw new InvalidOperationException($"Démonstration, {command.GetType().Name} : {result.Error!.Message}");
            }
        }
    }
}
