using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.Waves;

/// <summary>Reads the seeded demo (and what a test wrote) straight from the application's database.</summary>
internal static class ArsData
{
    public const string Admin = "admin@demo.benchmark.test";
    public const string Reviewer = "referent@demo.benchmark.test";
    public const string Consultant = "consultant@demo.benchmark.test";
    public const string Team = "equipe@demo.benchmark.test";

    public static Task<T> DbAsync<T>(this BenchmarkApp app, Func<BenchmarkDbContext, Task<T>> read) =>
        app.WithServicesAsync(sp => read(sp.GetRequiredService<BenchmarkDbContext>()));

    public static Task<ProgrammeDefinition> DefinitionAsync(this BenchmarkApp app, string programmeId) =>
        app.DbAsync(db => db.ProgrammeDefinitions.AsNoTracking().SingleAsync(d => d.ProgrammeId == programmeId));

    public static Task<Wave> DemoWaveAsync(this BenchmarkApp app, string programmeId) =>
        app.DbAsync(db => db.Waves.AsNoTracking().SingleAsync(w => db.ProgrammeDefinitions.Any(d => d.Id == w.DefinitionId && d.ProgrammeId == programmeId)));

    /// <summary>The group of a demo wave that a consultant follows.</summary>
    public static Task<Group> GroupFollowedByAsync(this BenchmarkApp app, Guid waveId, string consultantEmail) =>
        app.DbAsync(db => db.Groups.AsNoTracking().SingleAsync(g => g.WaveId == waveId && db.Users.Any(u => u.Id == g.ConsultantId && u.Email == consultantEmail)));

    public static Uri Url(string path) => new(path, UriKind.Relative);
}
