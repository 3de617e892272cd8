using System.Diagnostics;
using Benchmark.Core.Domain;
using Benchmark.Core.Reminders;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Benchmark.Web.Infrastructure.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Benchmark.Bench;

/// <summary>
/// Measure 1: <see cref="ReminderSweep.RunAsync"/> over a production-sized PostgreSQL database. The clock is a
/// Monday 08:05 in Paris, five minutes after the default reminder time, the day before already swept: the first
/// sweep of the morning, which queues that day's reminders. Each timed run gets a fresh scope (as the Hangfire job
/// does) and its inserted rows are deleted afterwards, so every run does the same work. Then the same clock again
/// without deleting: the second sweep must queue nothing.
/// </summary>
internal sealed class SweepBench(BenchOptions options)
{
    private static readonly DateTimeOffset Clock = ParisTime.ToUtc(new DateOnly(2027, 3, 15), new TimeOnly(8, 5));

    public async Task<Report> RunAsync()
    {
        var report = new Report("Reminder sweep");
        await using var database = options.SweepDatabase is { } kept
            ? await BenchDatabase.ExistingAsync(options.Postgres, kept)
            : await BenchDatabase.CreateAsync(options.Postgres, "sweep", options.Keep);
        if (options.SweepDatabase is null)
        {
            var seed = await SeedAsync(database);
            report.Note($"Seeded in {seed.Elapsed.TotalSeconds:N1} s: {seed.Enrolments:N0} enrolments ({seed.CurrentEnrolments:N0} in {seed.CurrentWaves} current waves, "
                + $"the rest in {seed.Waves - seed.CurrentWaves} past waves), {seed.Groups:N0} groups, {seed.TeamMembers:N0} team members, "
                + $"{seed.ChildRows:N0} phase/checklist/deliverable rows, {seed.Sessions:N0} sessions ("
                + string.Join(", ", seed.SessionsByStatus.OrderBy(s => s.Key).Select(s => $"{s.Value:N0} {s.Key}")) + $"), {seed.Reports:N0} reports to the ARS submitted.");
            report.Add("sweep: volume", $"{seed.Enrolments:N0} enrolments, {seed.Sessions:N0} sessions", "5,000 / 125,000");
        }
        else
        {
            // A database kept by an earlier run (--keep): the same data, not seeded again; ANALYZE after a new migration's index.
            await database.ExecuteAsync("ANALYZE");
            report.Note($"Database {database.Name} kept from an earlier run (--sweep-db): not seeded again.");
        }

        if (options.Keep)
        {
            Console.Error.WriteLine($"bench: sweep database kept: {database.Name} (reuse with --sweep-db {database.Name})");
        }

        using var app = new AppHost(options.RepositoryRoot, database.Settings);
        var yesterday = await SweepAsync(app, Clock.AddDays(-1));
        report.Note($"Clock {ParisTime.ToParis(Clock):yyyy-MM-dd HH:mm} Paris; the sweep of the day before queued {yesterday:N0} reminders (untimed).");

        // Warm-up (JIT up to optimised code, EF's query cache, PostgreSQL's buffers), then the timed runs.
        var queued = new List<double>();
        var stages = new List<SweepStages>();
        var cpuTimes = new List<double>();
        var statements = new List<int>();
        var roundTrips = new List<int>();
        var inserted = 0;
        for (var run = -options.Warmup; run < options.Runs; run++)
        {
            var before = await database.ScalarAsync("""SELECT COUNT(*) FROM "OutboxMessages" """);
            app.Sql.Reset();
            var (count, elapsed, stage, cpu) = await TimedSweepAsync(app, Clock);
            if (run >= 0)
            {
                queued.Add(elapsed.TotalMilliseconds);
                stages.Add(stage);
                cpuTimes.Add(cpu.TotalMilliseconds);
                roundTrips.Add(app.Sql.Commands.Count);
                statements.Add(app.Sql.Commands.Sum(c => c.Statements));
            }

            inserted = count;
            if (run == options.Runs - 1)
            {
                Describe(report, app.Sql.Commands);
            }

            if (run == -1)
            {
                // Tiered compilation promotes the warmed-up methods on a background thread: let it finish before timing.
                await Task.Delay(TimeSpan.FromSeconds(1));
            }

            // Back to the state before this run: the rows it queued are the newest ones.
            await database.ExecuteAsync($"""DELETE FROM "OutboxMessages" WHERE "Id" IN (SELECT "Id" FROM "OutboxMessages" ORDER BY "CreatedAt" DESC, "Id" DESC LIMIT {count})""");
            if (await database.ScalarAsync("""SELECT COUNT(*) FROM "OutboxMessages" """) != before)
            {
                throw new InvalidOperationException("The sweep's rows could not be told apart from the earlier ones");
            }
        }

        var first = await SweepAsync(app, Clock);
        var again = new List<double>();
        var againStages = new List<SweepStages>();
        var againCpu = new List<double>();
        var againStatements = new List<int>();
        var againQueued = 0;
        // Half as many: it is the cheaper check (the same reads, nothing written), and the whole run should stay short.
        for (var run = 0; run < Math.Max(5, options.Runs / 2); run++)
        {
            app.Sql.Reset();
            var (count, elapsed, stage, cpu) = await TimedSweepAsync(app, Clock);
            again.Add(elapsed.TotalMilliseconds);
            againStages.Add(stage);
            againCpu.Add(cpu.TotalMilliseconds);
            againStatements.Add(app.Sql.Commands.Sum(c => c.Statements));
            againQueued += count;
        }

        var plan = new List<double>();
        for (var run = 0; run < Math.Min(options.Runs, 5); run++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var sweep = scope.ServiceProvider.GetRequiredService<ReminderSweep>();
            var stopwatch = Stopwatch.StartNew();
            await sweep.PlanAsync(Clock);
            plan.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        var median = Stats.Median(queued);
        report.Add("sweep queuing the morning's reminders: median (p95)", $"{Stats.F(median)} ms ({Stats.F(Stats.P95(queued))} ms), {inserted:N0} queued", "≤ 200 ms", median <= 200);
        report.Add("sweep: SQL per sweep (round trips / statements)", $"{roundTrips.Max()} / {statements.Max():N0}", "a handful", statements.Max() <= 10);
        report.Add("second sweep, same clock: median (p95)", $"{Stats.F(Stats.Median(again))} ms ({Stats.F(Stats.P95(again))} ms), {againQueued} queued", "≤ 200 ms, 0 queued",
            Stats.Median(again) <= 200 && againQueued == 0);
        report.Add("second sweep: SQL statements", $"{againStatements.Max()}", "a handful", againStatements.Max() <= 10);
        report.Add("sweep: PlanAsync alone (load + plan), median", $"{Stats.F(Stats.Median(plan))} ms", "");
        report.Add("sweep: CPU time of the process, median: first / second sweep", $"{Stats.F(Stats.Median(cpuTimes))} ms / {Stats.F(Stats.Median(againCpu))} ms", "");
        report.Add("first sweep by stage, medians (ms): read / plan / keys / build rows / insert", Stages(stages), "");
        report.Add("second sweep by stage, medians (ms)", Stages(againStages), "");
        await BreakdownAsync(app, report);
        await ExplainAsync(database, report, await SweepReadsAsync(app));
        if (options.Keep || options.SweepDatabase is not null)
        {
            // A kept database goes back to the day before's state, so the next run's first sweep queues the morning's reminders again.
            await database.ExecuteAsync($"""DELETE FROM "OutboxMessages" WHERE "Id" IN (SELECT "Id" FROM "OutboxMessages" ORDER BY "CreatedAt" DESC, "Id" DESC LIMIT {first})""");
        }

        return report;
    }

    private async Task<SeedResult> SeedAsync(BenchDatabase database)
    {
        await using var services = database.Services();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BenchmarkDbContext>();
        await using var connection = await database.OpenAsync();
        var seed = await new VolumeSeeder(db, new BulkCopy(db, connection), options.WorkflowsDirectory)
            .SeedAsync(Clock, options.Enrolments, options.Sessions);
        // What autovacuum does on its own after a bulk load: planner statistics, visibility map.
        await using var analyze = new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 600 };
        await analyze.ExecuteNonQueryAsync();
        return seed;
    }

    private static async Task<int> SweepAsync(AppHost app, DateTimeOffset now) =>
        await app.InScopeAsync(sp => sp.GetRequiredService<ReminderSweep>().RunAsync(now));

    private static async Task<(int Count, TimeSpan Elapsed, SweepStages Stages, TimeSpan Cpu)> TimedSweepAsync(AppHost app, DateTimeOffset now)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sweep = scope.ServiceProvider.GetRequiredService<ReminderSweep>();
        var cpu = Environment.CpuUsage.TotalTime;
        var stopwatch = Stopwatch.StartNew();
        var count = await sweep.RunAsync(now);
        // The process's CPU time (all threads) over the sweep: what the sweep costs the machine, less sensitive to the
        // other work on a shared machine than the elapsed time.
        return (count, stopwatch.Elapsed, sweep.LastRun!, Environment.CpuUsage.TotalTime - cpu);
    }

    /// <summary>The median of each stage the sweep timed itself (<see cref="ReminderSweep.LastRun"/>).</summary>
    private static string Stages(IReadOnlyList<SweepStages> runs)
    {
        double Median(Func<SweepStages, TimeSpan> stage) => Stats.Median(runs.Select(r => stage(r).TotalMilliseconds).ToList());
        return string.Join(" / ", new[] { Median(r => r.Read), Median(r => r.Plan), Median(r => r.Check), Median(r => r.Build), Median(r => r.Insert) }
            .Select(ms => Stats.F(ms)));
    }

    /// <summary>The round trips of one sweep, slowest first (time to first row: server work, not the transfer).</summary>
    private static void Describe(Report report, IReadOnlyList<ExecutedCommand> commands)
    {
        report.Note("");
        report.Note($"Round trips of one sweep ({commands.Count}), slowest first:");
        report.Note("");
        report.Note("| ms (to first row) | statements | SQL (start) |");
        report.Note("|---:|---:|---|");
        foreach (var command in commands.OrderByDescending(c => c.Duration).Take(12))
        {
            var sql = string.Join(' ', command.Sql.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
            report.Note($"| {command.Duration.TotalMilliseconds:N1} | {command.Statements} | `{(sql.Length > 110 ? sql[..110] + "…" : sql).Replace("|", "\\|", StringComparison.Ordinal)}` |");
        }

        report.Note("");
    }

    /// <summary>Where the time goes: the sweep's biggest loads alone, and the sessions load narrowed to the weeks around the clock.</summary>
    private static async Task BreakdownAsync(AppHost app, Report report)
    {
        var (from, to) = (Clock.AddDays(-45), Clock.AddDays(45));
        (string Name, Func<BenchmarkDbContext, Task<int>> Load)[] loads =
        [
            ("all scheduled/held sessions (what the sweep loaded before it read only the rules' reach)", db => db.Sessions.AsNoTracking()
                .Where(s => s.Status == SessionStatus.Scheduled || s.Status == SessionStatus.Held).CountLoadedAsync()),
            ("scheduled/held sessions starting within ±45 days of the clock", db => db.Sessions.AsNoTracking()
                .Where(s => (s.Status == SessionStatus.Scheduled || s.Status == SessionStatus.Held) && s.StartUtc >= from && s.StartUtc <= to).CountLoadedAsync()),
            ("all enrolments with their phases, checklist, deliverables (auto-included)", db => db.Enrolments.AsNoTracking().AsSplitQuery().CountLoadedAsync()),
            ("all team members", db => db.TeamMembers.AsNoTracking().CountLoadedAsync()),
        ];
        report.Note("Where the time goes (EF Core load alone, no tracking, median of 3 in the application's DbContext):");
        report.Note("");
        foreach (var (name, load) in loads)
        {
            var times = new List<double>();
            var rows = 0;
            for (var run = 0; run < 3; run++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<BenchmarkDbContext>();
                var stopwatch = Stopwatch.StartNew();
                rows = await load(db);
                times.Add(stopwatch.Elapsed.TotalMilliseconds);
            }

            report.Note($"- {name}: {rows:N0} rows, {Stats.F(Stats.Median(times))} ms");
        }

        report.Note("");
    }

    /// <summary>
    /// The sweep's largest reads as it sends them at <see cref="Clock"/> (bounds from the definitions' reminder rules,
    /// <see cref="ReminderPlanner.SessionReach"/>, and <see cref="ReminderSweep.OverdueHorizon"/>), for EXPLAIN.
    /// </summary>
    private static async Task<string[]> SweepReadsAsync(AppHost app)
    {
        var definitions = await app.InScopeAsync(async sp => (await sp.GetRequiredService<BenchmarkDbContext>().ProgrammeDefinitions.AsNoTracking().ToListAsync())
            .Select(d => d.Parse()).ToList());
        var reach = ReminderPlanner.SessionReach(definitions, Clock);
        var owing = string.Join(", ", definitions.SelectMany(d => d.Sessions).Where(s => s.Report is not null).Select(s => $"'{s.Id}'").Distinct(StringComparer.Ordinal));
        static string At(DateTimeOffset instant) => $"'{instant.UtcDateTime:yyyy-MM-dd HH:mm:ss}+00'";
        var (starts, ends) = (reach.Starts!, reach.Ends!);
        var columns = """s."Id", s."WaveId", s."GroupId", s."EnrolmentId", s."SessionId", s."Kind", s."Status", s."StartUtc", s."EndUtc", s."Location", s."VisioUrl" """;
        return
        [
            $"""
            SELECT {columns}, (SELECT r."Id" FROM "SessionReports" r WHERE r."SessionRecordId" = s."Id" LIMIT 1) FROM "Sessions" s
            WHERE s."Status" IN ('Scheduled', 'Held') AND ((s."StartUtc" >= {At(starts.From)} AND s."StartUtc" <= {At(starts.To)})
              OR (s."EndUtc" >= {At(ends.From)} AND s."EndUtc" <= {At(ends.To)}))
            UNION ALL
            SELECT {columns}, NULL FROM "Sessions" s
            WHERE s."Status" IN ('Scheduled', 'Held') AND s."EndUtc" >= {At(Clock - ReminderSweep.OverdueHorizon)} AND s."EndUtc" <= {At(Clock.AddDays(1))}
              AND s."SessionId" IN ({owing}) AND NOT EXISTS (SELECT 1 FROM "SessionReports" r WHERE r."SessionRecordId" = s."Id")
            """,
            """
            SELECT e."Id", e."WaveId", e."GroupId", e."EstablishmentId", e."Status", x."Name", t."RoleId", t."FullName", t."Email"
            FROM "Enrolments" e LEFT JOIN "Establishments" x ON x."Id" = e."EstablishmentId" LEFT JOIN "TeamMembers" t ON t."EnrolmentId" = e."Id"
            WHERE e."WaveId" IN (SELECT w."Id" FROM "Waves" w ORDER BY w."CreatedAt" DESC LIMIT 50)
            """,
        ];
    }

    /// <summary>EXPLAIN ANALYZE of the sweep's largest reads, with the rows each returns.</summary>
    private static async Task ExplainAsync(BenchDatabase database, Report report, IEnumerable<string> queries)
    {
        report.Note("EXPLAIN (ANALYZE, BUFFERS) of the sweep's largest reads (the shapes EF sends; the enrolments one for 50 waves):");
        report.Note("");
        await using var connection = await database.OpenAsync();
        foreach (var query in queries)
        {
            await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) " + query, connection);
            var plan = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    plan.Add(reader.GetString(0));
                }
            }

            var sql = string.Join(' ', query.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            report.Note($"- `{(sql.Length > 160 ? sql[..160] + "…" : sql)}`: {plan[0].Trim()}; {plan.Last(l => l.Contains("Execution Time", StringComparison.Ordinal)).Trim()}");
        }

        report.Note("");
    }
}

/// <summary>Materialises a query (as the sweep does with ToListAsync) and returns how many rows it read.</summary>
internal static class QueryLoads
{
    public static async Task<int> CountLoadedAsync<T>(this IQueryable<T> query) => (await query.ToListAsync()).Count;
}
