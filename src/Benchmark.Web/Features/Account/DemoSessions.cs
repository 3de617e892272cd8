using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Data.Identity;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Features.Demo;
using Benchmark.Web.Features.Sessions;
using Benchmark.Web.Infrastructure.Mail;
using Benchmark.Web.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Benchmark.Web.Features.Account;

/// <summary>
/// The demo's first invitations: for each demo group, its first collective session (the earliest planned one) is
/// scheduled at its planned date and time, in the ARS meeting room (présentiel) or on a demo visio link, with the
/// definition's agenda — through <see cref="SessionPlanning"/>, acting as the group's consultant, so each participant
/// gets one <c>session-invite</c> outbox message (with SMTP configured, real invites in real mailboxes). Idempotent: a
/// group with a scheduled collective session is skipped. A session whose planned start is past is skipped with a
/// warning. Off when the setting <c>Demo:ScheduleSessions</c> is false (the tests, which start from an empty outbox).
/// </summary>
internal static partial class DemoSessions
{
    public const string Room = "Salle de réunion de l'ARS (démo)";

    public const string Setting = "Demo:ScheduleSessions";

    public static string VisioUrl(Guid groupId) => $"https://visio.demo.benchmark.test/{groupId.ToString("N")[20..]}";

    /// <summary>Schedules the first collective session of each demo group; returns how many were scheduled.</summary>
    public static async Task<int> ScheduleAsync(IServiceProvider services, TextWriter? warnings = null, CancellationToken cancellationToken = default)
    {
        if (!services.GetRequiredService<IConfiguration>().GetValue(Setting, true))
        {
            return 0;
        }

        var db = services.GetRequiredService<BenchmarkDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        var renderer = services.GetService<MailRenderer>() ?? CreateRenderer(services);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoSessions).FullName!);
        void Warn(string message)
        {
            if (warnings is null)
            {
                LogWarning(logger, message);
            }
            else
            {
                warnings.WriteLine(message);
            }
        }

        var groups = await db.Groups.AsNoTracking()
            .Where(g => g.ConsultantId != null && db.Waves.Any(w => w.Id == g.WaveId && w.AgencyId == DemoSeeder.DemoAgencyId))
            .OrderBy(g => g.WaveId).ThenBy(g => g.Name)
            .Select(g => new { g.Id, g.Name, ConsultantId = g.ConsultantId!.Value })
            .ToListAsync(cancellationToken);
        var consultantRole = new HashSet<string>(StringComparer.Ordinal) { AppRoles.Consultant };
        var scheduled = 0;
        foreach (var group in groups)
        {
            var collective = await db.Sessions.AsNoTracking()
                .Where(s => s.GroupId == group.Id && s.EnrolmentId == null && s.Kind == SessionKind.Collective)
                .Select(s => new { s.Id, s.Status, s.StartUtc })
                .ToListAsync(cancellationToken);
            if (collective.Any(s => s.Status != SessionStatus.Planned && s.Status != SessionStatus.Cancelled))
            {
                continue;
            }

            var first = collective.Where(s => s.Status == SessionStatus.Planned).OrderBy(s => s.StartUtc).ThenBy(s => s.Id).FirstOrDefault();
            if (first is null)
            {
                continue;
            }

            var consultant = await db.Users.AsNoTracking().Where(u => u.Id == group.ConsultantId).Select(u => u.FullName).SingleAsync(cancellationToken);
            var scope = new AccessScope(db, new CurrentUser(group.ConsultantId, consultant, consultantRole, null));
            var invites = new SessionInvites(new MailOutbox(db, renderer, clock), clock);
            var planning = new SessionPlanning(scope, db, invites, services.GetRequiredService<UnitOfWork>(), clock);
            var context = await new SessionContextLoader(scope, db).LoadAsync(first.Id, cancellationToken);
            if (context is null)
            {
                continue;
            }

            if (context.Session.StartUtc < clock.GetUtcNow())
            {
                Warn($"Démo : « {context.Title} » du groupe {group.Name} n'est pas programmée, sa date prévue ({SessionPlanning.Display(context.Session.StartUtc)}) est passée.");
                continue;
            }

            var mode = context.SessionDefinition?.Mode ?? SessionMode.Presentiel;
            var slot = new SessionSlot(
                context.Session.StartUtc,
                context.Session.EndUtc,
                mode is SessionMode.Visio ? null : Room,
                mode is SessionMode.Visio or SessionMode.Hybride ? VisioUrl(group.Id) : null,
                SessionPlanning.DefaultAgenda(context.SessionDefinition, context.Session.StartUtc) is { Length: > 0 } agenda ? agenda : null);
            var result = await planning.ScheduleAsync(context, slot, cancellationToken);
            if (result.IsSuccess)
            {
                scheduled++;
            }
            else
            {
                Warn($"Démo : « {context.Title} » du groupe {group.Name} n'est pas programmée : {result.Error!.Message}");
            }
        }

        return scheduled;
    }

    // The CLI host has no mail services: the renderer is built from the same configuration as the web host's.
    private static MailRenderer CreateRenderer(IServiceProvider services)
    {
        var options = new MailOptions();
        MailOptions.Bind(options, services.GetRequiredService<IConfiguration>());
        var templates = new MailTemplates(MailTemplates.Locate(services.GetRequiredService<IHostEnvironment>().ContentRootPath));
        return new MailRenderer(templates, Options.Create(options));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message}")]
    private static partial void LogWarning(ILogger logger, string message);
}
