using Benchmark.Core.Domain;
using Benchmark.Core.Runtime;
using Benchmark.Data;
using Benchmark.Data.Identity;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Pipeline;
using Benchmark.Web.Tests.Infrastructure;
using Benchmark.Web.Tests.Infrastructure.Builders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Pipeline;

/// <summary>
/// Each kind of command, run through the pipeline on a real database, writes exactly the audit rows its transition
/// implies — one per engine event, in order, nothing more.
/// </summary>
public sealed class AuditTrailTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    private static readonly SubmissionContent Pdf = new("engagement.pdf", "application/pdf", 10, new string('e', 64), "depots/engagement.pdf", null);

    [Fact]
    public async Task Run_WhenEachKindOfCommandRuns_ThenItWritesExactlyTheAuditRowsOfItsEvents()
    {
        var wave = await new WaveBuilder(app.Services).Programme("gestion-flux-patients").BuildAsync();
        var enrolment = wave.Teams[0].EnrolmentId;
        var team = await UserAsync(wave.Teams[0].Email, AppRoles.TeamMember);
        var referent = await UserAsync(wave.Reviewer, AppRoles.ArsReviewer);
        var admin = await UserAsync(wave.Admin, AppRoles.ArsAdmin);

        Assert.Equal(["checklist.tick"], await RunAsync(team, enrolment, a => new TickItem(a, "designation-trinome", null)));
        Assert.Equal(["checklist.untick"], await RunAsync(team, enrolment, a => new UntickItem(a, "designation-trinome", "Erreur")));
        Assert.Equal(["checklist.not-applicable"], await RunAsync(team, enrolment, a => new MarkItemNotApplicable(a, "designation-trinome", "Trinôme déjà désigné")));
        Assert.Equal(["deliverable.submit"], await RunAsync(team, enrolment, a => new SubmitDeliverable(a, "engagement-directoire", Pdf)));
        Assert.Equal(["deliverable.request-changes"], await RunAsync(referent, enrolment, a => new RequestChanges(a, "engagement-directoire", 1, "Signature manquante"), "ars-referent"));
        Assert.Equal(["deliverable.submit"], await RunAsync(team, enrolment, a => new SubmitDeliverable(a, "engagement-directoire", Pdf)));
        Assert.Equal(["deliverable.approve"], await RunAsync(referent, enrolment, a => new ApproveDeliverable(a, "engagement-directoire", 2, null), "ars-referent"));
        var forced = await RunAsync(admin, enrolment, a => new ForceClosePhase(a, "initialisation", "Réunion tenue hors plateforme"));
        Assert.Equal(["phase.force", "phase.open"], forced);
        Assert.Equal([], await RunAsync(admin, enrolment, a => new EvaluateGate(a)));
    }

    /// <summary>Runs the command as <paramref name="user"/>; returns the audit actions it added, in order.</summary>
    private Task<List<string>> RunAsync(CurrentUser user, Guid enrolment, Func<Actor, EnrolmentCommand> command, string? role = null) =>
        app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            var last = await db.AuditEvents.Where(a => a.EnrolmentId == enrolment).Select(a => (long?)a.Id).MaxAsync() ?? 0;
            var pipeline = ActivatorUtilities.CreateInstance<EnrolmentPipeline>(sp, new AccessScope(db, user));
            var ran = await pipeline.RunAsync(enrolment, command, role);
            Assert.True(ran.IsSuccess, ran.Error?.Message);
            return await db.AuditEvents.AsNoTracking().Where(a => a.EnrolmentId == enrolment && a.Id > last).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        });

    private Task<CurrentUser> UserAsync(string email, string role) => app.WithServicesAsync(async sp =>
    {
        var user = await sp.GetRequiredService<BenchmarkDbContext>().Users.AsNoTracking().SingleAsync(u => u.Email == email);
        return new CurrentUser(user.Id, user.FullName, new HashSet<string> { role }, user.AgencyId);
    });
}
