using System.Net;
using System.Text.RegularExpressions;
using Benchmark.Data;
using Benchmark.Data.Identity;
using Benchmark.Web.Features.Account;
using Benchmark.Web.Infrastructure.Mail;
using Benchmark.Web.Tests.Infrastructure;
using Benchmark.Web.Tests.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.Account;

public sealed partial class ForgotPasswordTests : IClassFixture<QuietBenchmarkApp>
{
    private readonly QuietBenchmarkApp _app;

    public ForgotPasswordTests(QuietBenchmarkApp app) => _app = app;

    [Fact]
    public async Task ForgotPassword_WhenUnknownEmail_ThenSameAnswerAsKnownAndNoMessage()
    {
        var known = await _app.NewUserAsync("une phrase de passe solide");
        var unknown = $"personne-{Guid.NewGuid():N}@exemple.test";
        using var client = _app.Client();

        var knownAnswer = await AskAsync(client, known.Email!);
        var unknownAnswer = await AskAsync(client, unknown);

        Assert.Equal(HttpStatusCode.OK, knownAnswer.Status);
        Assert.Equal(HttpStatusCode.OK, unknownAnswer.Status);
        Assert.Contains(ForgotPasswordModel.Acknowledgement, WebUtility.HtmlDecode(knownAnswer.Alert), StringComparison.Ordinal);
        Assert.Equal(knownAnswer.Alert, unknownAnswer.Alert);
        Assert.Empty(await MessagesToAsync(unknown));
        var message = Assert.Single(await MessagesToAsync(known.Email!));
        Assert.Equal(ForgotPasswordModel.Kind, message.Kind);
        Assert.Equal("Réinitialisation de votre mot de passe Benchmark", message.Subject);
        Assert.Contains($"/reinitialiser?user={known.Id}&token=", MailOutbox.Read(message).Model["link"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgotPassword_WhenAskedTwiceInARow_ThenOneMessage()
    {
        var known = await _app.NewUserAsync("une phrase de passe solide");
        using var client = _app.Client();

        await AskAsync(client, known.Email!);
        await AskAsync(client, known.Email!);

        Assert.Single(await MessagesToAsync(known.Email!));
    }

    [Fact]
    public async Task ForgotPassword_WhenEmailMalformed_ThenFieldErrorAndNoMessage()
    {
        using var client = _app.Client();

        var response = await BenchmarkApp.PostFormAsync(client, "/mot-de-passe-oublie", new Dictionary<string, string> { ["Email"] = "pas-une-adresse" });

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("fr-input-group--error", html, StringComparison.Ordinal);
        Assert.Contains("Saisissez une adresse électronique valide", html, StringComparison.Ordinal);
        Assert.Empty(await MessagesToAsync("pas-une-adresse"));
    }

    [Fact]
    public async Task ResetPassword_WhenLinkFromEmail_ThenNewPasswordSignsInAndLockoutLifted()
    {
        var user = await _app.NewUserAsync("une phrase de passe solide");
        await _app.WithServicesAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            return await users.SetLockoutEndDateAsync((await users.FindByIdAsync(user.Id.ToString()))!, DateTimeOffset.MaxValue);
        });
        using var client = _app.Client();
        await AskAsync(client, user.Email!);
        var link = new Uri(MailOutbox.Read(Assert.Single(await MessagesToAsync(user.Email!))).Model["link"]!.GetValue<string>()).PathAndQuery;

        var page = await client.GetStringAsync(new Uri(link, UriKind.Relative));
        var response = await BenchmarkApp.PostFormAsync(client, link, new Dictionary<string, string> { ["Password"] = "un tout nouveau secret", ["Confirmation"] = "un tout nouveau secret" });

        Assert.Contains("Choisir un nouveau mot de passe", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var other = await _app.SignedInAsync(user.Email!, "un tout nouveau secret");
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(new Uri("/compte", UriKind.Relative))).StatusCode);
    }

    private static async Task<(HttpStatusCode Status, string Alert)> AskAsync(HttpClient client, string email)
    {
        var response = await BenchmarkApp.PostFormAsync(client, "/mot-de-passe-oublie", new Dictionary<string, string> { ["Email"] = email });
        var html = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, AlertRegex().Match(html).Value);
    }

    private Task<List<Benchmark.Core.Domain.OutboxMessage>> MessagesToAsync(string email) =>
        _app.WithServicesAsync(sp => sp.GetRequiredService<BenchmarkDbContext>().OutboxMessages.Where(m => m.Recipient == email).ToListAsync());

    [GeneratedRegex("<div class=\"fr-alert[^\"]*\" role=\"status\" id=\"demande-envoyee\">.*?</div>", RegexOptions.Singleline)]
    private static partial Regex AlertRegex();
}
