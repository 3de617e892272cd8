using System.Net;
using Benchmark.Data;
using Benchmark.Web.Features.Account;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.Account;

/// <summary>Security finding 5: eight simultaneous « mot de passe oublié » requests for one account send one message.</summary>
public sealed class ForgotPasswordRaceTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    [Fact]
    public async Task Request_WhenEightArriveAtOnce_ThenOneMessageIsQueuedAndEveryoneGetsTheSameAnswer()
    {
        const string email = "consultant2@demo.benchmark.test";
        var clients = Enumerable.Range(0, 8).Select(_ => app.Client()).ToList();
        var forms = await Task.WhenAll(clients.Select(c =>
            RenderedForm.FromAsync(c, "/mot-de-passe-oublie", f => f.QuerySelector("input[type=email], input[name=Email]") is not null)));
        using var start = new SemaphoreSlim(0);
        var posts = forms.Select(async (form, i) =>
        {
            await start.WaitAsync();
            using var response = await form.Fill("Adresse électronique", email).SubmitAsync(clients[i]);
            return (response.StatusCode, Text: WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }).ToList();

        start.Release(8);
        var answers = await Task.WhenAll(posts);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.All(answers, a => Assert.Contains(ForgotPasswordModel.Acknowledgement, a.Text, StringComparison.Ordinal));
        Assert.Equal(1, await app.WithServicesAsync(sp => sp.GetRequiredService<BenchmarkDbContext>().OutboxMessages
            .CountAsync(m => m.Kind == ForgotPasswordModel.Kind && m.Recipient == email)));
        clients.ForEach(c => c.Dispose());
    }
}
