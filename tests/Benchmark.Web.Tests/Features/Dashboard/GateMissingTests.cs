using System.Net;
using System.Text.RegularExpressions;
using Benchmark.Core.Domain;
using Benchmark.Core.Runtime;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Benchmark.Web.Tests.Features.Gates.Steering;

namespace Benchmark.Web.Tests.Features.Dashboard;

/// <summary>
/// « Ce qui manque » on the ARS dashboard: each establishment's row lists what the gate of its open phase still lacks
/// (<see cref="GateEvaluator.Missing"/>, in French), the journey page it links to (the drill-down) lists the same, and
/// the list follows the work (a tick removes its line; the demo's roadmap-stage enrolment lacks only its roadmap).
/// </summary>
public sealed partial class GateMissingTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    private const string RoadmapTitle = "Feuille de route : plan d'actions élaboré par l'établissement (incluant les indicateurs de suivi spécifique)";

    [Fact]
    public async Task Dashboard_WhenArsAdmin_ThenEachRowListsWhatItsGateLacksAsTheEvaluatorSaysIt()
    {
        var expected = await ExpectedAsync();
        using var admin = await app.SignedInAsync(ArsAdmin);

        var html = WebUtility.HtmlDecode(await admin.GetStringAsync(new Uri("/tableau-de-bord", UriKind.Relative)));

        Assert.Equal(40, expected.Count);
        foreach (var (enrolment, missing) in expected)
        {
            var row = RowOf(html, enrolment);
            Assert.Contains($"data-gate-missing=\"{missing.Count}\"", row, StringComparison.Ordinal);
            Assert.Equal(missing, Items(row));
        }

        Assert.Contains("Reste pour clore la phase", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_WhenTheRoadmapStageEnrolment_ThenRowAndJourneyNameOnlyTheRoadmapToValidate()
    {
        var enrolment = await EnrolmentAsync(app, 3, "gestion-flux-patients");
        using var admin = await app.SignedInAsync(ArsAdmin);

        var html = WebUtility.HtmlDecode(await admin.GetStringAsync(new Uri("/tableau-de-bord", UriKind.Relative)));
        var journey = WebUtility.HtmlDecode(await admin.GetStringAsync(new Uri($"/parcours/{enrolment}", UriKind.Relative)));

        var row = RowOf(html, enrolment);
        var only = $"Livrable « {RoadmapTitle} » à faire valider (non déposé)";
        Assert.Contains("Phase III - Feuille de route et contractualisation du plan d'actions", row, StringComparison.Ordinal);
        Assert.Equal([only], Items(row));
        Assert.Contains($"href=\"/parcours/{enrolment}#porte\"", row, StringComparison.Ordinal);
        var gate = journey[journey.IndexOf("id=\"porte\"", StringComparison.Ordinal)..];
        Assert.Equal([only], ListItems().Matches(gate[..gate.IndexOf("</ul>", StringComparison.Ordinal)]).Select(m => m.Groups[1].Value.Trim()));
        var state = await StateAsync(app, enrolment);
        Assert.Equal(["diagnostic", "formation", "initialisation"], state.Phases.Where(p => p.Status == PhaseStatus.Closed).Select(p => p.PhaseId).Order(StringComparer.Ordinal));
        Assert.All(state.Phases.Where(p => p.Status == PhaseStatus.Closed), p => Assert.Null(p.ForcedJustification));
        var audit = await AuditAsync(app, enrolment);
        Assert.Equal(3, audit.Count(a => a.Action == "phase.close"));
        Assert.Contains(audit, a => a.Action == "deliverable.approve");
    }

    [Fact]
    public async Task Dashboard_WhenTheTeamTicksTheLastItem_ThenThePhaseAdvancesAndTheRowShowsTheNextGate()
    {
        var enrolment = await EnrolmentAsync(app, 0, "hdj-medecine");
        var before = (await ExpectedAsync())[enrolment];
        var state = await StateAsync(app, enrolment);
        var item = await DbAsync(app, async db =>
        {
            var wave = await db.Waves.SingleAsync(w => w.Id == state.WaveId);
            var definition = (await db.ProgrammeDefinitions.SingleAsync(d => d.Id == wave.DefinitionId)).Parse();
            return definition.FindPhase(state.CurrentPhaseId)!.Checklist.First(i => !i.Optional && definition.FindRole(i.Owner)?.Side == Core.Definitions.RoleSide.Establishment);
        });
        using var team = await app.SignedInAsync(Team);
        using var admin = await app.SignedInAsync(ArsAdmin);

        Assert.Equal(HttpStatusCode.Redirect, (await TickAsync(team, enrolment, item.Id)).StatusCode);

        var row = RowOf(WebUtility.HtmlDecode(await admin.GetStringAsync(new Uri("/tableau-de-bord", UriKind.Relative))), enrolment);
        var after = (await ExpectedAsync())[enrolment];
        Assert.Equal([$"Élément de check-list « {item.Text} » à cocher"], before);
        Assert.NotEqual(state.CurrentPhaseId, (await StateAsync(app, enrolment)).CurrentPhaseId);
        Assert.NotEmpty(after);
        Assert.Equal(after, Items(row));
        Assert.Contains($"data-gate-missing=\"{after.Count}\"", row, StringComparison.Ordinal);
    }

    /// <summary>What the evaluator says each demo enrolment's open phase lacks (no session is held in the demo).</summary>
    private Task<Dictionary<Guid, List<string>>> ExpectedAsync() => DbAsync(app, async db =>
    {
        var definitions = await db.Waves.Join(db.ProgrammeDefinitions, w => w.DefinitionId, d => d.Id, (w, d) => new { WaveId = w.Id, d }).ToListAsync();
        var parsed = definitions.ToDictionary(x => x.WaveId, x => x.d.Parse());
        var enrolments = await db.Enrolments.AsNoTracking().AsSplitQuery().ToListAsync();
        Assert.False(await db.Sessions.AnyAsync(s => s.Status == SessionStatus.Held));
        return enrolments.ToDictionary(e => e.Id, e => GateEvaluator.Missing(parsed[e.WaveId], e, EnrolmentContext.Empty, e.CurrentPhaseId).ToList());
    });

    private static string RowOf(string html, Guid enrolment) =>
        Regex.Match(html, $"<tr data-enrolment=\"{enrolment}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;

    private static List<string> Items(string row) => [.. ListItems().Matches(row).Select(m => m.Groups[1].Value.Trim())];

    [GeneratedRegex("<li>(.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex ListItems();
}
