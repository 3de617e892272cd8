using System.Diagnostics;
using System.Globalization;
using Benchmark.Bench.Import;
using Benchmark.Core.Grid;
using Benchmark.Data;
using Benchmark.Web.Features.Grid;
using Microsoft.EntityFrameworkCore;
using Npgsql;

// Grid import measure: dotnet run -c Release --project bench/Benchmark.Bench.Import -- [rows]   (BENCHMARK_TEST_PG set)
// Load-measure seed:   dotnet run -c Release --project bench/Benchmark.Bench.Import -- seed-load <connection string>
if (args is ["seed-load", var loadDatabase])
{
    var loadOptions = new DbContextOptionsBuilder<PostgresBenchmarkDbContext>().UseNpgsql(loadDatabase, o => o.CommandTimeout(600)).Options;
    Console.WriteLine(await LoadSeed.RunAsync(loadOptions));
    return;
}

var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var server = Environment.GetEnvironmentVariable("BENCHMARK_TEST_PG")
    ?? throw new InvalidOperationException("BENCHMARK_TEST_PG is not set: run bench/run-import.sh (it starts a throwaway PostgreSQL).");
var name = $"bench_import_{Guid.NewGuid():N}";
await using (var admin = new NpgsqlConnection(server))
{
    await admin.OpenAsync();
    await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
    await create.ExecuteNonQueryAsync();
}

var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
var options = new DbContextOptionsBuilder<PostgresBenchmarkDbContext>().UseNpgsql(connectionString, o => o.CommandTimeout(600)).Options;
var folder = Directory.CreateTempSubdirectory("bench-import-").FullName;
try
{
    Guid enrolment;
    GridTarget target;
    await using (var db = new PostgresBenchmarkDbContext(options))
    {
        await db.Database.MigrateAsync();
        await DemoSeeding.SeedAsync(db);
        var stored = await db.ProgrammeDefinitions.SingleAsync(d => d.ProgrammeId == "coaching-imagerie");
        enrolment = await db.Enrolments.Where(e => db.Waves.Any(w => w.Id == e.WaveId && w.DefinitionId == stored.Id)).Select(e => e.Id).FirstAsync();
        var definition = stored.Parse();
        target = new GridTarget(enrolment, "bench", definition.Title, definition, GridSchema.From(definition).Value, true);
    }

    var csv = Path.Combine(folder, "grille.csv");
    var xlsx = Path.Combine(folder, "grille.xlsx");
    var watch = Stopwatch.StartNew();
    GridFiles.WriteCsv(csv, count);
    GridFiles.WriteXlsx(xlsx, count);
    Console.WriteLine($"generated {count:N0} rows: CSV {new FileInfo(csv).Length / 1e6:F1} MB, XLSX {new FileInfo(xlsx).Length / 1e6:F1} MB in {watch.Elapsed.TotalSeconds:F1} s");

    var copy = await Measure.RawCopyAsync(connectionString, enrolment, count);
    await Measure.ResetAsync(connectionString);
    Console.WriteLine($"raw binary COPY: {copy.TotalSeconds:F2} s, {count / copy.TotalSeconds:N0} rows/s");

    foreach (var (file, label) in new[] { (csv, "CSV"), (xlsx, "XLSX") })
    {
        var run = await Measure.ImportAsync(options, target, file, count);
        Console.WriteLine($"{label} import: {run.Elapsed.TotalSeconds:F2} s, {count / run.Elapsed.TotalSeconds:N0} rows/s, ratio to COPY {copy.TotalSeconds / run.Elapsed.TotalSeconds:F2}; " +
            $"peak memory over baseline {run.PeakMegabytes:F0} MB; {run.Outcome.Status}, {run.Outcome.RowsAdded:N0} rows added");
        var indicators = await Measure.IndicatorsAsync(options, enrolment);
        Console.WriteLine($"indicator computation over {count:N0} rows: {indicators.TotalMilliseconds:F0} ms (GROUP BY + four breakdowns + report-delay distribution)");
        await Measure.ResetAsync(connectionString);
    }
}
finally
{
    Directory.Delete(folder, recursive: true);
    NpgsqlConnection.ClearAllPools();
    await using var admin = new NpgsqlConnection(server);
    await admin.OpenAsync();
    await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
    await drop.ExecuteNonQueryAsync();
}
