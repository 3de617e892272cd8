using System.Net;
using Benchmark.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Infrastructure.Mail;

/// <summary>
/// <see cref="BenchmarkApp"/> with what identity and mail tests need to observe: no background dispatcher (the test
/// calls it), and the security stamp checked on every request (sign-out everywhere takes effect at once).
/// </summary>
public sealed class QuietBenchmarkApp : IDisposable
{
    private readonly BenchmarkApp _inner = new();

    public QuietBenchmarkApp() => Factory = _inner.WithWebHostBuilder(builder => builder
        .UseSetting("Mail:DispatchIntervalSeconds", "0")
        .UseSetting("Security:StampValidationInterval", "00:00:00"));

    public WebApplicationFactory<Program> Factory { get; }

    public string PickupDirectory => Path.Combine(_inner.DataDirectory, "mail");

    public HttpClient Client() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<HttpClient> SignedInAsync(string email, string password = BenchmarkApp.Password)
    {
        var client = Client();
        var response = await BenchmarkApp.PostFormAsync(client, "/connexion", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        return response.StatusCode == HttpStatusCode.Redirect ? client : throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
    }

    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>A fresh account (a team member), with a password or, like an invited person, without one.</summary>
    public Task<AppUser> NewUserAsync(string? password = null) => WithServicesAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var email = $"u{Guid.NewGuid():N}"[..12] + "@exemple.test";
        var user = new AppUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, FullName = "Hélène Invitée", CreatedAt = DateTimeOffset.UnixEpoch };
        var result = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, AppRoles.TeamMember);
        return user;
    });

    public void Dispose()
    {
        Factory.Dispose();
        _inner.Dispose();
    }
}
