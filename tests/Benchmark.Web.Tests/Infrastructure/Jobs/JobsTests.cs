using System.Net;
using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Web.Infrastructure.Jobs;
using Benchmark.Web.Infrastructure.Mail;
using Benchmark.Web.Tests.Infrastructure.Mail;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Benchmark.Web.Tests.Infrastructure.Jobs;

/// <summary>Hangfire in the app (InMemory storage beside SQLite, server enabled): dashboard, health, recurring jobs.</summary>
public sealed class JobsTests(QuietBenchmarkApp app) : IClassFixture<QuietBenchmarkApp>
{
    [Theory]
    [InlineData("consultant@demo.benchmark.test")]
    [InlineData("referent@demo.benchmark.test")]
    [InlineData("equipe@demo.benchmark.test")]
    public async Task Dashboard_WhenNotArsAdmin_ThenNotFound(string email)
    {
        var client = await app.SignedInAsync(email);

        var page = await client.GetAsync(new Uri("/jobs", UriKind.Relative));
        var api = await client.GetAsync(new Uri("/jobs/stats", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.DoesNotContain("Hangfire", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Dashboard_WhenAnonymous_ThenSignInPage()
    {
        var response = await app.Client().GetAsync(new Uri("/jobs", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/connexion", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_WhenArsAdmin_ThenShowsRecurringJobs()
    {
        var client = await app.SignedInAsync("admin@demo.benchmark.test");

        var response = await client.GetAsync(new Uri("/jobs/recurring", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(RecurringJobs.OutboxDispatch, html, StringComparison.Ordinal);
        Assert.Contains(RecurringJobs.ReminderSweep, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecurringJobs_WhenAppStarted_ThenBothRegisteredWithTheirCron()
    {
        _ = app.Client();
        using var connection = app.Factory.Services.GetRequiredService<JobStorage>().GetConnection();

        var jobs = connection.GetRecurringJobs().ToDictionary(j => j.Id, j => j.Cron, StringComparer.Ordinal);

        Assert.Equal("* * * * *", jobs[RecurringJobs.OutboxDispatch]);
        Assert.Equal("*/5 * * * *", jobs[RecurringJobs.ReminderSweep]);
    }

    [Fact]
    public async Task Health_WhenServerRunning_ThenJobsHealthy()
    {
        _ = app.Client();
        var health = app.Factory.Services.GetRequiredService<HealthCheckService>();

        HealthReport report;
        var attempts = 0;
        do
        {
            report = await health.CheckHealthAsync();
            if (report.Entries["jobs"].Status == HealthStatus.Healthy)
            {
                break;
            }

            await Task.Delay(200);
        }
        while (++attempts < 100);

        Assert.Equal(HealthStatus.Healthy, report.Entries["jobs"].Status);
        Assert.Equal(HttpStatusCode.OK, (await app.Client().GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public Task OutboxDispatchJob_WhenTriggered_ThenHangfireServerSendsQueuedMessage() => TriggerAndExpectSentAsync();

    private async Task TriggerAndExpectSentAsync()
    {
        // QuietBenchmarkApp turns the low-latency dispatcher off: only the Hangfire job can send this message.
        var id = await app.WithServicesAsync(async sp =>
        {
            var message = await sp.GetRequiredService<MailOutbox>().QueueAsync("password-reset", "jobs@exemple.test",
                new { Name = "Jo", Link = "https://x.test/", ExpiresInDays = 3 }, $"test:jobs:{Guid.NewGuid():N}");
            await sp.GetRequiredService<BenchmarkDbContext>().SaveChangesAsync();
            return message.Id;
        });

        app.Factory.Services.GetRequiredService<IRecurringJobManager>().Trigger(RecurringJobs.OutboxDispatch);

        // The trigger normally sends within a second; on a loaded machine the run may wait for the minutely run's
        // lock, so allow the job's own contract (the next minute) before failing, and say what Hangfire recorded.
        OutboxStatus status;
        var attempts = 0;
        do
        {
            await Task.Delay(250);
            status = await app.WithServicesAsync(sp => sp.GetRequiredService<BenchmarkDbContext>().OutboxMessages.AsNoTracking()
                .Where(m => m.Id == id).Select(m => m.Status).SingleAsync());
        }
        while (status != OutboxStatus.Sent && ++attempts < 360);

        var failures = app.Factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi().FailedJobs(0, 10)
            .Select(j => $"{j.Value.ExceptionType}: {j.Value.ExceptionMessage}");
        Assert.True(status == OutboxStatus.Sent, $"Still {status}; failed jobs: {string.Join(" | ", failures)}");
        Assert.True(File.Exists(Path.Combine(app.PickupDirectory, $"{id:N}@benchmark.eml")));
    }
}
