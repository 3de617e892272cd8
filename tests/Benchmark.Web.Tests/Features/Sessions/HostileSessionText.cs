using Benchmark.Data;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.Sessions;

/// <summary>
/// Session text that tries to end the VEVENT and start another (the outside probe's finding), written straight into
/// the database as data from before the form refused it would be: an invite or a feed must still hold one event.
/// </summary>
internal static class HostileSessionText
{
    public const string Evil = "evil@example.test";

    public const string VisioUrl =
        "https://visio.example/y\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:fake-visio@evil\r\nDTSTAMP:20270101T090000Z\r\n"
        + "DTSTART:20270101T090000Z\r\nATTENDEE;CN=Evil:mailto:" + Evil + "\r\nSUMMARY:Faux";

    public const string Location = "Salle B\r\nATTENDEE:mailto:" + Evil + "\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:fake-location@evil";

    public const string Agenda = "Accueil; café, thé \\ suite\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:fake-agenda@evil\r\nATTENDEE:mailto:" + Evil;

    /// <summary>iCalendar has one line break, LF: what a parser reads back for CRLF.</summary>
    public static string Lf(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>Overwrites the session's place, link and agenda, bypassing the form and the domain.</summary>
    public static Task<int> StoreAsync(BenchmarkApp app, Guid sessionId) => app.WithServicesAsync(sp =>
        sp.GetRequiredService<BenchmarkDbContext>().Sessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.VisioUrl, VisioUrl)
            .SetProperty(s => s.Location, Location)
            .SetProperty(s => s.Agenda, Agenda)));
}
