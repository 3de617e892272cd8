using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Benchmark.Core.Domain;
using Benchmark.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using static Benchmark.Web.Tests.Features.Gates.Steering;

namespace Benchmark.Web.Tests.Features.Audit;

/// <summary>
/// /parcours/{enrolmentId}/journal and /vagues/{waveId}/journal: who sees which trail (404 otherwise), what a row says
/// (who, when in Paris time, what, before/after, justification), filters, paging and the CSV/XLSX exports.
/// </summary>
public sealed partial class AuditTrailTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    [Fact]
    public async Task Journal_WhenTeamMemberTicked_ThenTheirTrailShowsWhoWhenWhatBeforeAndAfter()
    {
        var enrolment = await EnrolmentAsync(app, 0, "hdj-medecine");
        using var team = await app.SignedInAsync(Team);
        Assert.Equal(HttpStatusCode.Redirect, (await TickAsync(team, enrolment, "inscription-equipe", "Équipe complète")).StatusCode);
        var tick = (await AuditAsync(app, enrolment)).Last();

        var html = await TextAsync(await team.GetAsync(new Uri($"/parcours/{enrolment}/journal", UriKind.Relative)));

        var row = Regex.Match(html, "<tr data-action=\"checklist.tick\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains(tick.Actor, row, StringComparison.Ordinal);
        Assert.Contains("Élément coché", row, StringComparison.Ordinal);
        Assert.Contains("<td>à faire</td>", row, StringComparison.Ordinal);
        Assert.Contains("<td>fait</td>", row, StringComparison.Ordinal);
        Assert.Contains("Équipe complète", row, StringComparison.Ordinal);
        var paris = TimeZoneInfo.ConvertTime(tick.At, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
        Assert.Contains($"datetime=\"{paris:yyyy-MM-dd'T'HH:mmzzz}\"", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Journal_WhenSomeoneElsesEnrolmentOrAWaveForNonArs_ThenNotFound()
    {
        var other = await EnrolmentAsync(app, 1, "hdj-medecine");
        var wave = await DbAsync(app, db => db.Enrolments.Where(e => e.Id == other).Select(e => e.WaveId).SingleAsync());
        using var team = await app.SignedInAsync(Team);
        using var consultant = await app.SignedInAsync(await ConsultantOfAsync(app, other));
        using var referent = await app.SignedInAsync(Referent);

        Assert.Equal(HttpStatusCode.NotFound, (await team.GetAsync(new Uri($"/parcours/{other}/journal", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team.GetAsync(new Uri($"/parcours/{other}/journal?handler=export&format=xlsx", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team.GetAsync(new Uri($"/vagues/{wave}/journal", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await consultant.GetAsync(new Uri($"/vagues/{wave}/journal", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await consultant.GetAsync(new Uri($"/vagues/{wave}/journal?handler=export", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await consultant.GetAsync(new Uri($"/parcours/{other}/journal", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await referent.GetAsync(new Uri($"/vagues/{wave}/journal", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await referent.GetAsync(new Uri($"/vagues/{Guid.NewGuid()}/journal", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task WaveJournal_WhenFilteredAndPaged_ThenOnlyThatKindAndRangeFiftyPerPageNewestFirst()
    {
        var enrolment = await EnrolmentAsync(app, 0, "gestion-flux-patients");
        var wave = await SeedAsync(enrolment, 60, new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
        using var referent = await app.SignedInAsync(Referent);

        var first = await TextAsync(await referent.GetAsync(new Uri($"/vagues/{wave}/journal?kind=gate&from=2026-03-10&to=2026-03-10", UriKind.Relative)));
        var second = await TextAsync(await referent.GetAsync(new Uri($"/vagues/{wave}/journal?kind=gate&from=2026-03-10&to=2026-03-10&p=2", UriKind.Relative)));
        var otherDay = await TextAsync(await referent.GetAsync(new Uri($"/vagues/{wave}/journal?kind=gate&from=2026-03-11", UriKind.Relative)));
        var otherKind = await TextAsync(await referent.GetAsync(new Uri($"/vagues/{wave}/journal?kind=checklist&from=2026-03-10&to=2026-03-10", UriKind.Relative)));

        Assert.Equal(50, Regex.Count(first, "data-action=\"gate.decide\""));
        Assert.Contains("Décision 59", first, StringComparison.Ordinal);
        Assert.True(first.IndexOf("Décision 59", StringComparison.Ordinal) < first.IndexOf("Décision 58", StringComparison.Ordinal));
        Assert.Equal(10, Regex.Count(second, "data-action=\"gate.decide\""));
        Assert.Contains("Décision 0<", second, StringComparison.Ordinal);
        Assert.Contains("Journal des actions (60)", first, StringComparison.Ordinal);
        Assert.Contains("id=\"journal-vide\"", otherDay, StringComparison.Ordinal);
        Assert.DoesNotContain("data-action=\"gate.decide\"", otherKind, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Établissement</th>", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_WhenCsvFrenchInternationalAndXlsx_ThenTheSameRowsInEachFormatFormulasNeutralised()
    {
        var enrolment = await EnrolmentAsync(app, 0, "office-surgery");
        var wave = await SeedAsync(enrolment, 3, new DateTimeOffset(2026, 7, 1, 22, 30, 0, TimeSpan.Zero), comment: "=HYPERLINK(\"http://x\")");
        using var referent = await app.SignedInAsync(Referent);
        var path = $"/vagues/{wave}/journal?kind=gate&handler=export&format=";

        var csv = await referent.GetAsync(new Uri(path + "csv", UriKind.Relative));
        var international = await referent.GetAsync(new Uri(path + "csv-international", UriKind.Relative));
        var xlsx = await referent.GetAsync(new Uri(path + "xlsx", UriKind.Relative));
        var unknown = await referent.GetAsync(new Uri(path + "pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Contains("journal-vague.csv", csv.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Date (Europe/Paris);Auteur;Établissement;Action;Code;Objet;Avant;Après;Justification / commentaire", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("02/07/2026 00:30;Rémi Référent", lines[1], StringComparison.Ordinal);
        Assert.Contains(";\"'=HYPERLINK(\"\"http://x\"\")\"", lines[1], StringComparison.Ordinal);
        var intl = (await international.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.StartsWith("2026-07-02T00:30:00,", intl[1], StringComparison.Ordinal);

        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        Assert.Equal(4, rows.Count);
        Assert.Contains(rows[1].Elements<Cell>(), c => c.InlineString?.InnerText == "'=HYPERLINK(\"http://x\")");
        Assert.Empty(document.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<CellFormula>());
    }

    /// <summary>Appends <paramref name="count"/> decisions to the trail, one minute apart; returns the wave.</summary>
    private Task<Guid> SeedAsync(Guid enrolment, int count, DateTimeOffset start, string? comment = null) => DbAsync(app, async db =>
    {
        var wave = await db.Enrolments.Where(e => e.Id == enrolment).Select(e => e.WaveId).SingleAsync();
        db.AuditEvents.AddRange(Enumerable.Range(0, count).Select(i => new AuditEvent(
            start.AddMinutes(i), "Rémi Référent (ARS)", wave, enrolment, "gate.decide", $"Décision {i}", null, "favorable (go)", comment)));
        await db.SaveChangesAsync();
        return wave;
    });
}
