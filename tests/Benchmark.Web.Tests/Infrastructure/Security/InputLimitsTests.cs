using System.Net;
using Benchmark.Data;
using Benchmark.Web.Features.Sessions;
using Benchmark.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Infrastructure.Security;

/// <summary>
/// Security finding 5, in part: server-side limits on what a user types (the browser's maxlength is not a limit), and
/// file names that would show spoofed (bidirectional overrides) are refused.
/// </summary>
public sealed class InputLimitsTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    [Theory]
    [InlineData("facture\u202Efdp.pdf")]
    [InlineData("rapport\u200B.pdf")]
    [InlineData("\u2066note.pdf")]
    public void CheckName_WhenTheNameHoldsAnInvisibleFormattingCharacter_ThenItIsRefused(string name)
    {
        var checkedName = FileInspector.CheckName(name);

        Assert.Equal(FileInspector.FormattingRefused, checkedName.Error?.Message);
    }

    [Fact]
    public void Parse_WhenTheAgendaIsOverItsLimit_ThenTheFieldIsRefused()
    {
        var (slot, errors) = SessionPlanning.Parse(new SlotInput("2027-03-24", "09:30", "90", "Salle du conseil", null, new string('a', SessionPlanning.MaxAgenda + 1)));

        Assert.Null(slot);
        var limit = SessionPlanning.MaxAgenda.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));
        Assert.Contains($"L'ordre du jour tient en {limit} caractères au plus", errors[nameof(SlotInput.Agenda)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateGroup_WhenTheNameIs40000Characters_ThenRefusedAndNothingStoredSoThePagesStayUsable()
    {
        // The 40k name once made TempData's cookie too large: every later request of the admin answered 431.
        using var admin = await app.SignedInAsync("admin@demo.benchmark.test");
        var wave = await app.WithServicesAsync(sp => sp.GetRequiredService<BenchmarkDbContext>().Waves.Select(w => w.Id).FirstAsync());
        var form = await RenderedForm.FromAsync(admin, $"/vagues/{wave}", f => f.Action.Contains("handler=Group", StringComparison.Ordinal));

        var response = await form.Fill("Nom du nouveau groupe", new string('G', 40_000)).SubmitAsync(admin);
        var next = await admin.GetAsync(new Uri($"/vagues/{wave}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("100 caractères au plus", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.False(await app.WithServicesAsync(sp => sp.GetRequiredService<BenchmarkDbContext>().Groups.AnyAsync(g => g.Name.Length > 100)));
    }
}
