using Benchmark.Data;
using Benchmark.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Cli;

/// <summary>
/// <c>seed demo [--workflows &lt;folder&gt;] [--Key=Value …]</c>: migrates, then fills the database with the fictitious demo
/// (idempotent: a second run adds nothing). Programmes come from <c>workflows/*.yaml</c>, found upwards from the
/// current folder unless <c>--workflows</c> names the folder.
/// </summary>
internal static class SeedDemoCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors, TimeProvider clock)
    {
        if (args.Count == 0 || args[0] != "demo")
        {
            errors.WriteLine("usage : seed demo [--workflows <dossier>] [--Database:Provider=… --ConnectionStrings:Default=…]");
            return 2;
        }

        using var host = MigrateCommand.BuildHost(args.Skip(1).ToList(), clock);
        if (!MigrateCommand.TryValidate(host.Services, errors, out var options))
        {
            return 1;
        }

        var folder = host.Services.GetRequiredService<IConfiguration>()["workflows"] ?? FindWorkflows();
        var files = folder is null || !Directory.Exists(folder) ? [] : Directory.GetFiles(folder, "*.yaml");
        if (files.Length == 0)
        {
            errors.WriteLine($"Aucune définition trouvée ({folder ?? "pas de dossier workflows/"}) : indiquez --workflows <dossier>.");
            return 1;
        }

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BenchmarkDbContext>();
        await db.Database.MigrateAsync();
        var result = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(files);
        var accounts = await scope.ServiceProvider.GetRequiredService<Features.Account.DemoAccounts>()
            .EnsureAsync(host.Services.GetRequiredService<IConfiguration>()["Demo:Password"] ?? Features.Account.DemoAccounts.DefaultPassword);
        await Features.Account.DemoSessions.ScheduleAsync(scope.ServiceProvider, errors);

        foreach (var warning in result.Warnings)
        {
            errors.WriteLine(warning);
        }

        output.WriteLine($"Démo dans {MigrateCommand.Describe(db, options)} — {(result.Added == 0 ? "rien à ajouter" : $"{result.Added} ligne(s) ajoutée(s)")} :");
        output.WriteLine($"  {result.Agencies} ARS, {result.Establishments} établissements, {result.Definitions} programmes, {result.Waves} vagues, " +
            $"{result.Groups} groupes, {result.Enrolments} participations, {result.TeamMembers} membres d'équipe, {result.Sessions} séances prévues");
        output.WriteLine($"  comptes de démonstration : {Features.Account.DemoAccounts.All.Count} ({accounts} créé(s) ; mot de passe : Demo:Password, voir README)");
        return 0;
    }

    private static string? FindWorkflows()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "workflows");
                if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "*.yaml").Any())
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
