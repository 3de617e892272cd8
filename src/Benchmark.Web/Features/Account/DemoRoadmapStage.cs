using System.Text;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Runtime;
using Benchmark.Data;
using Benchmark.Data.Seeding;
using Benchmark.Web.Features.Gates;
using Benchmark.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Account;

/// <summary>
/// The demo's roadmap stage: the flux-patients enrolment of the fourth demo establishment (the team of
/// <see cref="Account"/>) has passed its first phases and, in « Feuille de route », has done all its gate asks but the
/// feuille de route itself — so the ARS visa on it opens the implementation phase. Every step goes through
/// <see cref="WorkflowEngine"/> with actors holding the definition's roles (ticks, small PDF deliverables in the file
/// store, approvals, closings), each event audited like the pages do (<see cref="PhaseTransitions.Audit"/>; no email).
/// Idempotent: only an enrolment still untouched in its first phase is walked.
/// </summary>
internal sealed class DemoRoadmapStage(BenchmarkDbContext db, FileStore files, TimeProvider clock)
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

        var wave = await db.Waves.AsNoTracking().SingleAsync(w => w.Id == enrolment.WaveId, cancellationToken);
        var definition = (await db.ProgrammeDefinitions.AsNoTracking().SingleAsync(d => d.Id == wave.DefinitionId, cancellationToken)).Parse();
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

        var walk = new Walk(db, files, definition, enrolment, As, clock.GetUtcNow());
        foreach (var phase in definition.Phases.TakeWhile(p => p.Id != RoadmapPhase))
        {
            await walk.MeetAsync(phase, except: null, cancellationToken);
            walk.Run(new ClosePhase(As(definition.Roles.First(r => r.Side == RoleSide.Consultant).Id), phase.Id));
        }

        await walk.MeetAsync(roadmapPhase, except: d => d.Kind == DeliverableKind.Roadmap, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private sealed class Walk(BenchmarkDbContext db, FileStore files, WorkflowDefinition definition, Enrolment enrolment, Func<string, Actor> actorOf, DateTimeOffset now)
    {
        /// <summary>Ticks the gate's items and submits (then approves) its deliverables, but those <paramref name="except"/> names.</summary>
        public async Task MeetAsync(PhaseDefinition phase, Func<DeliverableDefinition, bool>? except, CancellationToken cancellationToken)
        {
            var items = phase.Gate.AllChecklist ? phase.Checklist.Where(i => !i.Optional) : phase.Gate.Checklist.Select(id => definition.FindChecklistItem(id)!);
            foreach (var item in items)
            {
                var owner = definition.FindRole(item.Owner)?.Side is RoleSide.Establishment or RoleSide.Ars ? item.Owner : definition.Roles.First(r => r.Side == RoleSide.Consultant).Id;
                Run(new TickItem(actorOf(owner), item.Id, null));
            }

            foreach (var d in phase.Gate.Deliverables.Select(id => definition.FindDeliverable(id)!).Where(d => except?.Invoke(d) != true))
            {
                using var pdf = new MemoryStream(Encoding.ASCII.GetBytes($"%PDF-1.4\n% {d.Title} (démonstration)\n%%EOF\n"));
                var stored = await files.SaveAsync(pdf, d.Id + ".pdf", cancellationToken);
                if (!stored.IsSuccess)
                {
                    throw new InvalidOperationException($"Démonstration, {d.Id}.pdf : {stored.Error!.Message}");
                }

                Run(new SubmitDeliverable(actorOf(d.Owner), d.Id, stored.Value));
                if (d.Approver is { } approver)
                {
                    Run(new ApproveDeliverable(actorOf(approver), d.Id, enrolment.Deliverable(d.Id)!.CurrentVersion, "Validé (démonstration)"));
                }
            }
        }

        public void Run(EnrolmentCommand command)
        {
            var result = WorkflowEngine.Execute(definition, enrolment, EnrolmentContext.Empty, command, now);
            if (!result.IsSuccess)
            {
                throw new InvalidOperationException($"Démonstration, {command.GetType().Name} : {result.Error!.Message}");
            }

            db.AuditEvents.AddRange(result.Value.Select(e => PhaseTransitions.Audit(definition, enrolment, e)));
        }
    }
}
