using System.Net;
using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Web.Features.Demo;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.Gates;

/// <summary>Demo ids and real form posts for the checklist, gate and audit-trail tests.</summary>
public static class Steering
{
    public const string Team = "equipe@demo.benchmark.test";
    public const string OtherTeam = "equipe2@demo.benchmark.test";
    public const string ArsAdmin = "admin@demo.benchmark.test";
    public const string Referent = "referent@demo.benchmark.test";

    public static Task<Guid> EnrolmentAsync(BenchmarkApp app, int establishment, string programme) => DbAsync(app, db => db.Enrolments
        .Where(e => db.Establishments.Any(x => x.Id == e.EstablishmentId && x.Finess == DemoSeeder.DemoFiness[establishment])
            && db.Waves.Any(w => w.Id == e.WaveId && db.ProgrammeDefinitions.Any(d => d.Id == w.DefinitionId && d.ProgrammeId == programme)))
        .Select(e => e.Id).SingleAsync());

    /// <summary>The e-mail of the consultant following the enrolment's group.</summary>
    public static Task<string> ConsultantOfAsync(BenchmarkApp app, Guid enrolment) => DbAsync(app, db => (
        from e in db.Enrolments
        where e.Id == enrolment
        join g in db.Groups on e.GroupId equals g.Id
        join u in db.Users on g.ConsultantId equals u.Id
        select u.Email!).SingleAsync());

    public static Task<Enrolment> StateAsync(BenchmarkApp app, Guid enrolment) =>
        DbAsync(app, db => db.Enrolments.AsNoTracking().AsSplitQuery().SingleAsync(e => e.Id == enrolment));

    /// <summary>The enrolment's audit trail since the demo started it.</summary>
    public static Task<List<AuditEvent>> AuditAsync(BenchmarkApp app, Guid enrolment) =>
        DbAsync(app, db => db.AuditEvents.AsNoTracking().Where(a => a.EnrolmentId == enrolment && a.Actor != DemoSeeder.ActorName).OrderBy(a => a.Id).ToListAsync());

    public static async Task<T> DbAsync<T>(BenchmarkApp app, Func<BenchmarkDbContext, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<BenchmarkDbContext>());
    }

    public static string ChecklistPath(Guid enrolment) => $"/parcours/{enrolment}/check-list";

    public static string Gate(Guid enrolment) => $"/parcours/{enrolment}/porte";

    /// <summary>Posts to a page handler with the token of <paramref name="tokenPage"/> (any page of the user), as a form or as htmx.</summary>
    public static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, string path, string handler, IDictionary<string, string> fields, string tokenPage = "/tableau-de-bord", bool htmx = false)
    {
        var token = BenchmarkApp.AntiforgeryToken(await client.GetStringAsync(new Uri(tokenPage, UriKind.Relative)));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{path}?handler={handler}", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))),
        };
        if (htmx)
        {
            request.Headers.Add("HX-Request", "true");
        }

        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> TickAsync(HttpClient client, Guid enrolment, string item, string? comment = null, bool htmx = false) =>
        PostAsync(client, ChecklistPath(enrolment), "Tick", new Dictionary<string, string> { ["item"] = item, ["comment"] = comment ?? "" }, htmx: htmx);

    public static Task<HttpResponseMessage> CloseAsync(HttpClient client, Guid enrolment, string phase) =>
        PostAsync(client, Gate(enrolment), "Close", new Dictionary<string, string> { ["phase"] = phase });

    public static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
}
