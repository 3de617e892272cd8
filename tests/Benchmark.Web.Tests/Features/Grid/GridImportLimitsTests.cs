using System.Globalization;
using System.Net;
using System.Text;
using Benchmark.Data;
using Benchmark.Web.Features.Demo;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.Grid;

/// <summary>
/// Security finding 3: a grid import can neither fill the disk nor lock everyone out on the embedded database. The
/// caps refuse an oversized file whole, naming the cap; a large import leaves other users' writes free meanwhile.
/// </summary>
public sealed class GridImportLimitsTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    private const string Team = "equipe@demo.benchmark.test";
    private const string Header = "Date;Type d'activité;Provenance du patient;Type de rendez-vous;Délai d'obtention du rendez-vous (jours);Délai de compte-rendu (jours)";

    [Fact]
    public async Task Import_WhenTheFileHasOneRowMoreThanTheCap_ThenItIsRefusedWholeAndTheCapIsNamed()
    {
        // Arrange
        using var capped = app.WithWebHostBuilder(b => b.UseSetting("Grid:MaxRowsPerImport", "100"));
        var enrolment = await EmptyGridAsync();
        using var team = await SignedInAsync(capped);

        // Act
        var over = await UploadAsync(team, enrolment, "trop.csv", Csv(101, perMonth: 20));
        var within = await UploadAsync(team, enrolment, "juste.csv", Csv(100, perMonth: 20));

        // Assert
        Assert.Equal(HttpStatusCode.UnprocessableEntity, over.StatusCode);
        Assert.Contains("Le fichier dépasse la limite de 100 lignes par import : rien n'a été importé.",
            WebUtility.HtmlDecode(await over.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, within.StatusCode);
        var (rows, imports) = await StoredAsync(enrolment);
        Assert.Equal((100, 1), (rows, imports));
    }

    [Fact]
    public async Task Import_WhenAMonthWouldHoldMoreThanItsCap_ThenItIsRefusedWholeNamingTheMonth()
    {
        // Arrange: 30 rows of September 2010 stored; the next file brings 10 more of that month (different rows).
        using var capped = app.WithWebHostBuilder(b => b.UseSetting("Grid:MaxRowsPerMonth", "35"));
        var enrolment = await EmptyGridAsync();
        using var team = await SignedInAsync(capped);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(team, enrolment, "septembre.csv", Csv(30, perMonth: 30))).StatusCode);

        // Act
        var response = await UploadAsync(team, enrolment, "septembre-suite.csv", Csv(10, perMonth: 30, firstDelay: 100));

        // Assert
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Septembre 2010 compterait 40 lignes, au-delà de la limite de 35 lignes par mois : rien n'a été importé.",
            WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal((30, 1), await StoredAsync(enrolment));
    }

    [Fact]
    public async Task Import_WhenLarge_ThenTheTeamTicksItsChecklistMeanwhileAndBothAreKept()
    {
        // Arrange: 150,000 rows, within the default caps (12,500 a month).
        var enrolment = await EmptyGridAsync();
        using var importer = await app.SignedInAsync(Team);
        using var ticker = await app.SignedInAsync(Team);
        // The team's checklist of another programme: any write to the embedded database would do.
        var checklist = $"/parcours/{await FluxEnrolmentAsync()}/check-list";
        var tick = await RenderedForm.FromAsync(ticker, checklist, f => f.Action.Contains("handler=Tick", StringComparison.Ordinal));
        var upload = await RenderedForm.FromAsync(importer, $"/parcours/{enrolment}/grille", f => f.QuerySelector("input[type=file]") is not null);
        upload.Attach("Fichier de la grille", "annee.csv", Csv(150_000, perMonth: 12_500));

        // Act: the import runs; the team ticks an item, unticks it and ticks it again while it does.
        var import = upload.SubmitAsync(importer);
        await WhileAsync(() => app.WithServicesAsync(sp => sp.GetRequiredService<BenchmarkDbContext>().GridImports.AnyAsync(i => i.EnrolmentId == enrolment)));
        var item = tick.Element.QuerySelector("input[name=item]")!.GetAttribute("value")!;
        var ticked = await tick.SubmitAsync(ticker);
        var untick = await RenderedForm.FromAsync(ticker, checklist, f => f.Action.Contains("handler=Untick", StringComparison.Ordinal)
            && f.QuerySelector($"input[name=item][value='{item}']") is not null);
        var unticked = await untick.SubmitAsync(ticker);
        var stillImporting = !import.IsCompleted;
        var imported = await import;

        // Assert
        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (ticked.StatusCode, unticked.StatusCode));
        Assert.True(stillImporting, "the checklist waited for the import to finish");
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        Assert.Equal((150_000, 1), await StoredAsync(enrolment));
    }

    /// <summary>A grid CSV of <paramref name="rows"/> distinct rows, <paramref name="perMonth"/> to a month from September 2010.</summary>
    private static byte[] Csv(int rows, int perMonth, int firstDelay = 0)
    {
        var text = new StringBuilder(Header).Append('\n');
        var start = new DateOnly(2010, 9, 1);
        for (var i = 0; i < rows; i++)
        {
            var date = start.AddMonths(i / perMonth).AddDays(i % 28);
            text.Append(CultureInfo.InvariantCulture, $"{date:dd/MM/yyyy};Scanner;Externe;Programmé honoré;{firstDelay + (i % 997)};{i % 7}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid enrolment, string name, byte[] content)
    {
        var form = await RenderedForm.FromAsync(client, $"/parcours/{enrolment}/grille", f => f.QuerySelector("input[type=file]") is not null);
        return await form.Attach("Fichier de la grille", name, content).SubmitAsync(client);
    }

    private static async Task<HttpClient> SignedInAsync(WebApplicationFactory<Program> factory)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await BenchmarkApp.PostFormAsync(client, "/connexion", new Dictionary<string, string> { ["Email"] = Team, ["Password"] = BenchmarkApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static async Task WhileAsync(Func<Task<bool>> started)
    {
        for (var i = 0; i < 600 && !await started(); i++)
        {
            await Task.Delay(10);
        }
    }

    /// <summary>The team's imaging enrolment, its grid emptied: the tests of this class share it.</summary>
    private Task<Guid> EmptyGridAsync() => app.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<BenchmarkDbContext>();
        var enrolment = await db.Enrolments
            .Where(e => db.Establishments.Any(x => x.Id == e.EstablishmentId && x.Finess == DemoSeeder.DemoFiness[0]))
            .Where(e => db.Waves.Any(w => w.Id == e.WaveId && db.ProgrammeDefinitions.Any(d => d.Id == w.DefinitionId && d.ProgrammeId == "coaching-imagerie")))
            .Select(e => e.Id).SingleAsync();
        await db.GridEntries.Where(e => e.EnrolmentId == enrolment).ExecuteDeleteAsync();
        await db.GridImports.Where(e => e.EnrolmentId == enrolment).ExecuteDeleteAsync();
        return enrolment;
    });

    private Task<Guid> FluxEnrolmentAsync() => app.WithServicesAsync(sp =>
    {
        var db = sp.GetRequiredService<BenchmarkDbContext>();
        return db.Enrolments
            .Where(e => db.Establishments.Any(x => x.Id == e.EstablishmentId && x.Finess == DemoSeeder.DemoFiness[0]))
            .Where(e => db.Waves.Any(w => w.Id == e.WaveId && db.ProgrammeDefinitions.Any(d => d.Id == w.DefinitionId && d.ProgrammeId == "gestion-flux-patients")))
            .Select(e => e.Id).SingleAsync();
    });

    private Task<(int Rows, int Imports)> StoredAsync(Guid enrolment) => app.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<BenchmarkDbContext>();
        return (await db.GridEntries.CountAsync(e => e.EnrolmentId == enrolment), await db.GridImports.CountAsync(i => i.EnrolmentId == enrolment));
    });
}
