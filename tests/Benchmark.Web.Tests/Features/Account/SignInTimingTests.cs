using System.Net;
using Benchmark.Data.Identity;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.Account;

/// <summary>
/// Security finding 5, in part: signing in with an unknown address costs the same password hashing as a known one
/// (4 ms against 249 ms revealed which addresses have an account). Counted, not timed.
/// </summary>
public sealed class SignInTimingTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    [Theory]
    [InlineData("personne-inconnue@exemple.test")]
    [InlineData("equipe@demo.benchmark.test")]
    public async Task SignIn_WhenThePasswordIsWrong_ThenOnePasswordIsVerifiedWhetherTheAccountExistsOrNot(string email)
    {
        var hasher = new CountingHasher();
        using var factory = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<AppUser>>(hasher)));
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await RenderedForm.FromAsync(client, "/connexion", f => f.QuerySelector("input[type=password]") is not null);

        var response = await form.Fill("Adresse électronique", email).Fill("Mot de passe", "pas-le-bon-mot-de-passe").SubmitAsync(client);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Adresse électronique ou mot de passe incorrect.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1, hasher.Verifications);
    }

    private sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new();
        private int _verifications;

        public int Verifications => _verifications;

        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
