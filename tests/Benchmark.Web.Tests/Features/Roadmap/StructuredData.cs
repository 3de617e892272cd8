using Benchmark.Core.Domain;
using Benchmark.Core.Runtime;
using Benchmark.Data;
using Benchmark.Web.Features.Demo;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.Roadmap;

/// <summary>Demo enrolments moved to the phase a test needs (gates forced by an ArsAdmin actor), and structured deliverables approved through the engine.</summary>
internal static class StructuredData
{
    private static readonly Actor Admin = new("test", "Admin de test", "ars", IsArsAdmin: true);

    /// <summary>The enrolment of the n-th demo establishment (0: equipe@, 1: equipe2@) in a programme.</summary>
    public static Task<Guid> EnrolmentAsync(BenchmarkApp app, int establishment, string programme) => app.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<BenchmarkDbContext>();
        var finess = DemoSeeder.DemoFiness[establishment];
        return await db.Enrolments
            .Where(e => db.Establishments.Any(x => x.Id == e.EstablishmentId && x.Finess == finess)
                && db.Waves.Any(w => w.Id == e.WaveId && db.ProgrammeDefinitions.Any(d => d.Id == w.DefinitionId && d.ProgrammeId == programme)))
            .Select(e => e.Id).SingleAsync();
    });

    /// <summary>Closes the open phases (forced) until <paramref name="phaseId"/> is open.</summary>
    public static Task OpenPhaseAsync(BenchmarkApp app, Guid enrolmentId, string phaseId) => app.WithServicesAsync(async sp =>
    {
        var (db, enrolment, definition) = await LoadAsync(sp, enrolmentId);
        var clock = sp.GetRequiredService<TimeProvider>();
        while (enrolment.CurrentPhaseId != phaseId)
        {
            var result = WorkflowEngine.Execute(definition, enrolment, EnrolmentContext.Empty, new ForceClosePhase(Admin, enrolment.CurrentPhaseId, "préparation du test"), clock.GetUtcNow());
            Assert.True(result.IsSuccess, result.Error?.Message);
        }

        return await db.SaveChangesAsync();
    });

    /// <summary>The ARS approves the last submitted version of the deliverable (the engine only: the visa page is another slice).</summary>
    public static Task ApproveAsync(BenchmarkApp app, Guid enrolmentId, string deliverableId) => app.WithServicesAsync(async sp =>
    {
        var (db, enrolment, definition) = await LoadAsync(sp, enrolmentId);
        var version = enrolment.Deliverable(deliverableId)!.CurrentVersion;
        var reviewer = new Actor("referent", "Référent de test", definition.FindDeliverable(deliverableId)!.Approver!);
        var result = WorkflowEngine.Execute(definition, enrolment, EnrolmentContext.Empty, new ApproveDeliverable(reviewer, deliverableId, version, null), sp.GetRequiredService<TimeProvider>().GetUtcNow());
        Assert.True(result.IsSuccess, result.Error?.Message);
        return await db.SaveChangesAsync();
    });

    /// <summary>The ARS records its go / no-go on the gate of the open phase.</summary>
    public static Task DecideAsync(BenchmarkApp app, Guid enrolmentId, bool go) => app.WithServicesAsync(async sp =>
    {
        var (db, enrolment, definition) = await LoadAsync(sp, enrolmentId);
        var decision = definition.FindPhase(enrolment.CurrentPhaseId)!.Gate.Decision!;
        var result = WorkflowEngine.Execute(
            definition, enrolment, EnrolmentContext.Empty, new DecideGate(new Actor("referent", "Référent de test", decision.By), enrolment.CurrentPhaseId, go, "visite faite"),
            sp.GetRequiredService<TimeProvider>().GetUtcNow());
        Assert.True(result.IsSuccess, result.Error?.Message);
        return await db.SaveChangesAsync();
    });

    private static async Task<(BenchmarkDbContext, Enrolment, Core.Definitions.WorkflowDefinition)> LoadAsync(IServiceProvider sp, Guid enrolmentId)
    {
        var db = sp.GetRequiredService<BenchmarkDbContext>();
        var enrolment = await db.Enrolments.AsSplitQuery().SingleAsync(e => e.Id == enrolmentId);
        var wave = await db.Waves.SingleAsync(w => w.Id == enrolment.WaveId);
        var definition = (await db.ProgrammeDefinitions.SingleAsync(d => d.Id == wave.DefinitionId)).Parse();
        return (db, enrolment, definition);
    }
}
