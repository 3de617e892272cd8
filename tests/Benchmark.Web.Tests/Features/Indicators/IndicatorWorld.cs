using Benchmark.Core.Definitions;
using Benchmark.Core.Indicators;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Benchmark.Web.Features.Demo;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.Indicators;

/// <summary>Ids and names of the demo the indicator tests use.</summary>
public static class IndicatorWorld
{
    public const string Team = "equipe@demo.benchmark.test";
    public const string Team2 = "equipe2@demo.benchmark.test";
    public const string Admin = "admin@demo.benchmark.test";
    public const string Reviewer = "referent@demo.benchmark.test";

    /// <summary>The flux-patients enrolment of an establishment of the demo (0 = Port-Lumière, team equipe@).</summary>
    public static Task<(Guid Enrolment, Guid Group, Guid Wave)> EnrolmentAsync(BenchmarkApp app, int establishment, string programme = "gestion-flux-patients") =>
        app.WithServicesAsync(async sp =>
        {
            var db = sp.GetRequiredService<BenchmarkDbContext>();
            var finess = DemoSeeder.DemoFiness[establishment];
            var e = await db.Enrolments.IgnoreAutoIncludes()
                .Where(e => db.Establishments.Any(x => x.Id == e.EstablishmentId && x.Finess == finess)
                    && db.Waves.Any(w => w.Id == e.WaveId && db.ProgrammeDefinitions.Any(d => d.Id == w.DefinitionId && d.ProgrammeId == programme)))
                .SingleAsync();
            return (e.Id, e.GroupId, e.WaveId);
        });

    /// <summary>The email of the consultant following a group.</summary>
    public static Task<string> ConsultantOfAsync(BenchmarkApp app, Guid groupId) => app.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<BenchmarkDbContext>();
        var consultant = await db.Groups.Where(g => g.Id == groupId).Select(g => g.ConsultantId).SingleAsync();
        return await db.Users.Where(u => u.Id == consultant).Select(u => u.Email!).SingleAsync();
    });

    /// <summary>
    /// The key of the bimonth <paramref name="ahead"/> periods after today's. The demo's flux wave starts three weeks
    /// from today and takes values up to a year after J* + 18 months (IndicatorWindow): about 31 months ahead.
    /// </summary>
    public static string FutureBimonth(int ahead) =>
        ReportingPeriod.Containing(IndicatorPeriod.Bimonth, ParisTime.Today(TimeProvider.System)).Add(ahead).Key;

    /// <summary>Every flux-patients input of the bimonth, valid, as the team types them (decimal comma).</summary>
    public static Dictionary<string, string> ValidFluxInputs() => new()
    {
        ["v.ipdms.journees_realisees"] = "2 950",
        ["v.ipdms.journees_attendues"] = "3000",
        ["v.part-sejours-longs.sejours_longs"] = "40",
        ["v.part-sejours-longs.sejours"] = "400",
        ["v.sorties-matin.sorties_matin"] = "120",
        ["v.sorties-matin.sorties"] = "400",
        ["v.delai-mise-a-disposition-chambre.delais_cumules"] = "18000",
        ["v.delai-mise-a-disposition-chambre.chambres"] = "200",
        ["v.deprogrammation-faute-de-place.deprogrammations"] = "6",
        ["v.deprogrammation-faute-de-place.programmees"] = "150",
        ["v.lits-vides-minuit.lits_vides_cumules"] = "305,5",
        ["v.lits-vides-minuit.nuits"] = "61",
        ["v.transferts-sau-faute-de-place"] = "4",
        ["v.taux-occupation.journees"] = "7000",
        ["v.taux-occupation.lits"] = "130",
        ["v.taux-occupation.jours_periode"] = "61",
        ["v.avancement"] = "35,5",
    };
}
