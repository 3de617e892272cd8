using System.Security.Cryptography;
using System.Text;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Indicators;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Demo;

/// <summary>
/// A few past periods of indicator values for the demo's flux-patients (bimonthly) and imaging (monthly) waves, so the
/// charts and the benchmark show something: plausible, deterministic figures per establishment, older periods
/// validated, the last one submitted by most, the current one left for the team to enter. An enrolment that already
/// has a report is left alone, so seeding twice adds nothing. The caller saves.
/// </summary>
internal sealed class DemoIndicatorValues(BenchmarkDbContext db)
{
    private const string Team = "Équipe projet (démonstration)";
    private const string Consultant = "Consultant (démonstration)";

    /// <summary>How many past periods each programme gets.</summary>
    private static readonly Dictionary<string, int> Programmes = new(StringComparer.Ordinal) { ["gestion-flux-patients"] = 4, ["coaching-imagerie"] = 6 };

    public async Task<int> AddAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var added = 0;
        var today = DateOnly.FromDateTime(ParisTime.ToParis(now).DateTime);
        var stored = await db.ProgrammeDefinitions.AsNoTracking().Where(d => Programmes.Keys.Contains(d.ProgrammeId)).ToListAsync(cancellationToken);
        foreach (var programme in stored)
        {
            var definition = programme.Parse();
            var waveId = DemoCatalogue.IdOf($"wave:{definition.Id}@{definition.Version}");
            var enrolments = await db.Enrolments.IgnoreAutoIncludes().AsNoTracking().Where(e => e.WaveId == waveId)
                .Join(db.Establishments, e => e.EstablishmentId, x => x.Id, (e, x) => new { e.Id, x.Finess }).ToListAsync(cancellationToken);
            var reported = await db.IndicatorPeriodReports.Where(r => enrolments.Select(e => e.Id).Contains(r.EnrolmentId)).Select(r => r.EnrolmentId).Distinct().ToListAsync(cancellationToken);
            var type = ReportingPeriod.DefaultType(definition);
            var count = Programmes[definition.Id];
            var current = ReportingPeriod.Containing(type, today);
            foreach (var (enrolment, rank) in enrolments.Where(e => !reported.Contains(e.Id)).OrderBy(e => e.Finess, StringComparer.Ordinal).Select((e, i) => (e, i)))
            {
                for (var back = count; back >= 1; back--)
                {
                    var period = current.Add(-back);
                    if (back == 1 && rank % 4 == 1)
                    {
                        continue; // one establishment in four has not reported the last period yet: it shows as late
                    }

                    added += AddPeriod(definition, enrolment.Id, enrolment.Finess, period, step: count - back, last: back == 1, late: rank % 4 == 2);
                }
            }
        }

        return added;
    }

    private int AddPeriod(WorkflowDefinition definition, Guid enrolmentId, string finess, ReportingPeriod period, int step, bool last, bool late)
    {
        var submittedAt = ParisTime.ToUtc(period.Deadline.AddDays(late ? 4 : -2), new TimeOnly(10, 0));
        var report = new IndicatorPeriodReport(DemoCatalogue.IdOf($"indicator-report:{enrolmentId}:{period.Key}"), enrolmentId, period.Key);
        report.Submit(Team, submittedAt);
        if (!last)
        {
            report.Validate(Consultant, null, submittedAt.AddDays(3));
        }

        db.IndicatorPeriodReports.Add(report);
        var rows = 1;
        var inputs = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        foreach (var indicator in definition.Indicators.Where(i => i.Period == period.Type))
        {
            foreach (var entry in IndicatorForm.Entries(indicator))
            {
                // The same input id shared by two indicators (imaging counts) gets the same figure.
                var key = entry.InputId.Length == 0 ? indicator.Id : entry.InputId;
                if (!inputs.TryGetValue(key, out var value))
                {
                    value = inputs[key] = Figure(key, Random($"{finess}:{period.Key}:{key}"), Random($"{finess}:{key}"), step, inputs, period);
                }

                var row = new IndicatorValue(DemoCatalogue.IdOf($"indicator-value:{enrolmentId}:{indicator.Id}:{period.Key}:{entry.InputId}"),
                    enrolmentId, indicator.Id, period.Key, entry.InputId, value, Team, submittedAt);
                row.Follow(report.Status);
                db.IndicatorValues.Add(row);
                rows++;
            }
        }

        return rows;
    }

    /// <summary>
    /// A plausible figure for an input: denominators first (the programme files list them after their numerators,
    /// so numerators are derived from the already drawn denominator when there is one). <paramref name="level"/> is
    /// the establishment's own level, <paramref name="noise"/> the period's; <paramref name="step"/> improves slowly.
    /// </summary>
    private static decimal? Figure(string input, double noise, double level, int step, Dictionary<string, decimal?> known, ReportingPeriod period)
    {
        var days = period.End.DayNumber - period.Start.DayNumber + 1;
        decimal Between(double low, double high) => (decimal)Math.Round(low + ((high - low) * ((0.6 * level) + (0.4 * noise))), 0);
        decimal Share(string of, double low, double high) => Math.Round(Denominator(of) * (decimal)(low + ((high - low) * ((0.6 * level) + (0.4 * noise)))), 0);
        decimal Denominator(string of) => known.TryGetValue(of, out var v) && v is { } d ? d : (known[of] = Figure(of, noise, level, step, known, period)) ?? 0;
        var better = step * 0.02;
        return input switch
        {
            "journees_attendues" => Between(2000, 4000),
            "journees_realisees" => Share("journees_attendues", 0.92 - better, 1.18 - better),
            "sejours" => Between(300, 600),
            "sejours_longs" => Share("sejours", 0.05, 0.16 - better),
            "sorties" => Between(300, 600),
            "sorties_matin" => Share("sorties", 0.12 + better, 0.4 + better),
            "chambres" => Between(100, 300),
            "delais_cumules" => Share("chambres", 60 - (step * 5), 180 - (step * 10)),
            "programmees" => Between(100, 250),
            "deprogrammations" => Share("programmees", 0.01, 0.08 - (better / 2)),
            "nuits" => days,
            "lits_vides_cumules" => Share("nuits", 2, 12),
            "transferts-sau-faute-de-place" => Between(0, 15),
            "lits" => Between(80, 200),
            "jours_periode" => days,
            "journees" => Math.Round(Denominator("lits") * days * (decimal)(0.75 + (0.2 * noise)), 0),
            "avancement" => Math.Min(100, (decimal)Math.Round((15 * (step + 1)) + (10 * noise), 0)),
            "honores" => Between(300, 800),
            "non_honores" => Between(10, 60),
            "non_programmes" => Between(50, 200),
            "delai_moyen" => Math.Round((decimal)(5 + (25 * level) - (step * 0.8) + (3 * noise)), 1),
            "delai_moyen_cr" => Math.Round((decimal)(1 + (6 * level) - (step * 0.2) + noise), 1),
            _ => null,
        };
    }

    private static double Random(string key) => BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0) / (double)ulong.MaxValue;
}
