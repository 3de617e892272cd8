using System.Globalization;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Indicators;
using Benchmark.Core.Runtime;
using Benchmark.Data;
using Benchmark.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Bench.Import;

/// <summary>
/// Seeds the database of the benchmark-page load measure (bench/run-load.sh): the demo, then the first group of the
/// flux-patients wave grown to 60 establishments, each with six validated bimonths of every indicator's inputs.
/// Prints the group id. Values are drawn from a fixed seed, within each input's bounds.
/// </summary>
internal static class LoadSeed
{
    private const int Establishments = 60;
    private const int Periods = 6;

    public static async Task<Guid> RunAsync(DbContextOptions<PostgresBenchmarkDbContext> options)
    {
        await using var db = new PostgresBenchmarkDbContext(options);
        await db.Database.MigrateAsync();
        var now = TimeProvider.System.GetUtcNow();
        await DemoSeeding.SeedAsync(db);
        var stored = await db.ProgrammeDefinitions.SingleAsync(d => d.ProgrammeId == "gestion-flux-patients");
        var definition = stored.Parse();
        var wave = await db.Waves.SingleAsync(w => w.DefinitionId == stored.Id);
        var group = await db.Groups.Where(g => g.WaveId == wave.Id).OrderBy(g => g.Name).FirstAsync();
        var enrolments = await db.Enrolments.IgnoreAutoIncludes().Where(e => e.GroupId == group.Id).Select(e => e.Id).ToListAsync();
        var actor = new Actor("bench", "Banc de charge", "ars", IsArsAdmin: true);
        for (var i = enrolments.Count; i < Establishments; i++)
        {
            var finess = "75" + (9_000_000 + i).ToString(CultureInfo.InvariantCulture);
            var establishment = Establishment.Create(Guid.CreateVersion7(), DemoSeeder.DemoAgencyId, finess, $"Établissement de charge {i + 1:00}", "Paris", EstablishmentType.CentreHospitalier).Value;
            var enrolment = new Enrolment(Guid.CreateVersion7(), wave.Id, group.Id, establishment.Id);
            WorkflowEngine.Execute(definition, enrolment, EnrolmentContext.Empty, new StartEnrolment(actor), now);
            db.Establishments.Add(establishment);
            db.Enrolments.Add(enrolment);
            enrolments.Add(enrolment.Id);
        }

        await db.SaveChangesAsync();

        // The demo's own reports of the group's first establishments are replaced by the generated ones.
        await db.IndicatorValues.Where(v => enrolments.Contains(v.EnrolmentId)).ExecuteDeleteAsync();
        await db.IndicatorPeriodReports.Where(r => enrolments.Contains(r.EnrolmentId)).ExecuteDeleteAsync();
        var random = new Random(2026);
        var last = ReportingPeriod.Containing(IndicatorPeriod.Bimonth, DateOnly.FromDateTime(now.UtcDateTime)).Previous();
        foreach (var enrolment in enrolments)
        {
            foreach (var period in ReportingPeriod.Range(last.Add(1 - Periods), last))
            {
                var report = new IndicatorPeriodReport(Guid.CreateVersion7(), enrolment, period.Key);
                report.Submit("bench", now);
                report.Validate("bench", null, now);
                db.IndicatorPeriodReports.Add(report);
                foreach (var indicator in definition.Indicators.Where(i => i.Period == IndicatorPeriod.Bimonth))
                {
                    List<(string Id, decimal? Min, decimal? Max)> inputs = indicator.Inputs.Count == 0 ? [("", indicator.Min, indicator.Max)] : [.. indicator.Inputs.Select(x => (x.Id, x.Min, x.Max))];
                    foreach (var (input, min, max) in inputs)
                    {
                        var low = (double)(min ?? 0);
                        var high = (double)(max ?? 1000);
                        var value = new IndicatorValue(Guid.CreateVersion7(), enrolment, indicator.Id, period.Key, input, Math.Round((decimal)(low + (random.NextDouble() * (high - low))), 1), "bench", now);
                        value.Follow(IndicatorValueStatus.Validated);
                        db.IndicatorValues.Add(value);
                    }
                }
            }
        }

        await db.SaveChangesAsync();
        return group.Id;
    }
}
