using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Data.Identity;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Features.Account;
using Benchmark.Web.Features.Demo;
using Benchmark.Web.Features.Sessions;
using Benchmark.Web.Hosting;
using Benchmark.Web.Infrastructure.Mail;
using Benchmark.Web.Tests.Infrastructure;
using Benchmark.Web.Tests.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Benchmark.Web.Tests.Features.Account;

/// <summary>The demo's first sessions, scheduled at start (<c>Demo:ScheduleSessions</c>, on here; off in the other tests).</summary>
public sealed class DemoSessionsTests : IDisposable
{
    private readonly BenchmarkApp _app = new();

    public DemoSessionsTests() => _app.Settings[DemoSessions.Setting] = "true";

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Start_WhenDemoSeeded_ThenEachGroupHasItsFirstCollectiveSessionScheduledWithOneInvitePerParticipant()
    {
        _ = _app.Server;
        var checkedGroups = await _app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            var groups = await db.Groups.AsNoTracking()
                .Where(g => db.Waves.Any(w => w.Id == g.WaveId && w.AgencyId == DemoSeeder.DemoAgencyId))
                .ToListAsync();
            Assert.Equal(10, groups.Count);
            var checkedCount = 0;
            foreach (var group in groups)
            {
                var collective = await db.Sessions.AsNoTracking()
                    .Where(s => s.GroupId == group.Id && s.EnrolmentId == null && s.Kind == SessionKind.Collective)
                    .ToListAsync();

                // Some programmes have only individual sessions: nothing to schedule for their groups.
                if (collective.Count == 0)
                {
                    continue;
                }

                checkedCount++;
                var scheduled = Assert.Single(collective, s => s.Status == SessionStatus.Scheduled);
                Assert.Equal(collective.Min(s => s.StartUtc), scheduled.StartUtc);
                Assert.Equal(0, scheduled.Sequence);

                var scope = new AccessScope(db, new CurrentUser(group.ConsultantId!.Value, "", new HashSet<string>(StringComparer.Ordinal) { AppRoles.Consultant }, null));
                var context = Assert.IsType<SessionContext>(await new SessionContextLoader(scope, db).LoadAsync(scheduled.Id, CancellationToken.None));
                if (context.SessionDefinition!.Mode == SessionMode.Visio)
                {
                    Assert.Null(scheduled.Location);
                    Assert.Equal(DemoSessions.VisioUrl(group.Id), scheduled.VisioUrl);
                    Assert.StartsWith("https://visio.demo.benchmark.test/", scheduled.VisioUrl, StringComparison.Ordinal);
                }
                else
                {
                    Assert.Equal("Salle de réunion de l'ARS (démo)", scheduled.Location);
                }

                Assert.Equal(SessionPlanning.DefaultAgenda(context.SessionDefinition, scheduled.StartUtc) is { Length: > 0 } a ? a : null, scheduled.Agenda);

                var invites = await db.OutboxMessages.AsNoTracking()
                    .Where(m => m.Kind == SessionInvites.OutboxKind && m.IdempotencyKey.StartsWith($"invite:{scheduled.Id}:"))
                    .Select(m => m.Recipient)
                    .ToListAsync();
                Assert.NotEmpty(invites);
                Assert.Equal(
                    context.Participants.Select(p => p.Email.Trim().ToLowerInvariant()).Order(StringComparer.Ordinal),
                    invites.Select(r => r.ToLowerInvariant()).Order(StringComparer.Ordinal));
                Assert.Contains(context.Participants, p => p.Role == "Consultant");
            }

            return checkedCount;
        });

        // The demo: 5 programmes × 2 groups, 4 programmes with collective sessions.
        Assert.Equal(8, checkedGroups);
    }

    [Fact]
    public async Task Seed_WhenRunAgain_ThenNoOutboxRowIsAdded()
    {
        _ = _app.Server;
        var before = await CountAsync();

        var startup = _app.Services.GetServices<IHostedService>().OfType<StartupTasks>().Single();
        await startup.StartAsync(CancellationToken.None);
        var again = await _app.WithServicesAsync(sp => DemoSessions.ScheduleAsync(sp));

        Assert.Equal(0, again);
        Assert.True(before.Invites > 0);
        Assert.Equal(before, await CountAsync());
    }

    [MaildevFact]
    public async Task Start_WhenSmtpConfigured_ThenTheDemoInvitesReachTheParticipantsMailboxes()
    {
        using var maildev = Maildev.Shared();
        foreach (var (key, value) in maildev.SmtpSettings())
        {
            _app.Settings[key] = value;
        }

        _app.Settings["Mail:DispatchIntervalSeconds"] = "0";
        _app.Settings["Jobs:Enabled"] = "false";

        var sent = 0;
        while (await _app.WithServicesAsync(sp => sp.GetRequiredService<OutboxDispatcher>().DispatchAsync()) is var batch and > 0)
        {
            sent += batch;
        }

        var invites = await _app.WithServicesAsync(sp => sp.GetRequiredService<BenchmarkDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.Kind == SessionInvites.OutboxKind).ToListAsync());

        Assert.NotEmpty(invites);
        Assert.Equal(invites.Count, sent);
        foreach (var (invite, index) in invites.Select((m, i) => (m, i)))
        {
            var mail = Assert.Single(await Maildev.WaitForAsync(() => maildev.WithMessageIdAsync(invite.MessageId), 1));
            Assert.Equal(invite.Recipient, Assert.Single(mail.To).Address, ignoreCase: true);
            if (index % 8 != 0)
            {
                continue;
            }

            // One in eight through both calendar parsers (a node process each).
            var received = await MaildevInvite.ReadAsync(maildev, mail);
            Assert.True(received.ValidatorExitCode == 0, received.ValidatorOutput);
            Assert.Equal(("REQUEST", "REQUEST", 0), (received.Method, received.MimeMethod, received.Sequence));
            Assert.StartsWith("Invitation : ", received.Message.Subject, StringComparison.Ordinal);
        }
    }

    // Session invites only: the reminder sweep may queue its own messages meanwhile.
    private Task<(int Invites, int Scheduled)> CountAsync() => _app.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<BenchmarkDbContext>();
        return (
            await db.OutboxMessages.CountAsync(m => m.Kind == SessionInvites.OutboxKind),
            await db.Sessions.CountAsync(s => s.Status == SessionStatus.Scheduled));
    });
}
