using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Benchmark.Data;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.Dashboard;

/// <summary>
/// The dashboards and the journey page read with a fixed number of SQL statements, whatever the number of rows
/// (no query per row: 40 ARS rows would otherwise cost hundreds). Measured: ARS 12, consultant 8, team 11, journey 10, « À traiter » 13 / 19 / 13 (referent / consultant / team),
/// most of them the split loading of the enrolment aggregate (auto-included children); each budget also holds the
/// server-side session check every signed-in request makes (one primary-key lookup). Only the statements of the
/// measured request count: its ASP.NET Core activity is marked by a header, and a statement counts when it runs under
/// that activity — not the dispatcher, job polling or another test's request. The fixture runs no background service
/// and validates the security stamp daily, so the count is exact.
/// </summary>
public sealed class QueryCountTests : IClassFixture<QueryCountTests.QuietApp>
{
    private const string Marker = "X-Query-Count";

    private readonly BenchmarkApp _app;

    public QueryCountTests(QuietApp app) => _app = app.App;

    /// <summary>The demo application with no Hangfire server, no background sender and a daily stamp check.</summary>
    public sealed class QuietApp : IDisposable
    {
        public QuietApp()
        {
            App.Settings["Jobs:Enabled"] = "false";
            App.Settings["Mail:DispatchIntervalSeconds"] = "0";
            App.Settings["Security:StampValidationInterval"] = "1.00:00:00";
        }

        public BenchmarkApp App { get; } = new();

        public void Dispose() => App.Dispose();
    }

    [Theory]
    [InlineData("/tableau-de-bord", "admin@demo.benchmark.test", 15)]
    [InlineData("/tableau-de-bord", "consultant@demo.benchmark.test", 11)]
    [InlineData("/tableau-de-bord", "equipe@demo.benchmark.test", 14)]
    [InlineData("/a-traiter", "referent@demo.benchmark.test", 14)]
    [InlineData("/a-traiter", "consultant@demo.benchmark.test", 20)]
    [InlineData("/a-traiter", "equipe@demo.benchmark.test", 14)]
    public async Task DashboardAndQueue_WhenRendered_ThenAFixedHandfulOfStatements(string path, string email, int budget)
    {
        using var client = await _app.SignedInAsync(email);
        await client.GetStringAsync(new Uri(path, UriKind.Relative));

        var statements = await CountAsync(client, path);

        Assert.InRange(statements.Count, 1, budget);
    }

    [Fact]
    public async Task Journey_WhenRendered_ThenAFixedHandfulOfStatements()
    {
        var id = await _app.WithServicesAsync(sp => sp.GetRequiredService<BenchmarkDbContext>().Enrolments.Select(e => e.Id).FirstAsync());
        using var client = await _app.SignedInAsync("admin@demo.benchmark.test");
        await client.GetStringAsync(new Uri($"/parcours/{id}", UriKind.Relative));

        var statements = await CountAsync(client, $"/parcours/{id}");

        Assert.InRange(statements.Count, 1, 13);
    }

    [Fact]
    public async Task Count_WhenStatementsRunOutsideTheMeasuredRequest_ThenTheyAreNotCounted()
    {
        using var client = await _app.SignedInAsync("consultant@demo.benchmark.test");
        await client.GetStringAsync(new Uri("/tableau-de-bord", UriKind.Relative));
        var alone = await CountAsync(client, "/tableau-de-bord");

        // Other work on the same database while the page is measured: a query with no request, another request.
        using var other = await _app.SignedInAsync("admin@demo.benchmark.test");
        var beside = await CountAsync(client, "/tableau-de-bord", async () =>
        {
            await _app.WithServicesAsync(sp => sp.GetRequiredService<BenchmarkDbContext>().Enrolments.CountAsync());
            await other.GetStringAsync(new Uri("/tableau-de-bord", UriKind.Relative));
        });

        Assert.Equal(alone.Count, beside.Count);
    }

    /// <summary>GETs <paramref name="path"/> (and runs <paramref name="alongside"/> meanwhile) and returns the statements of that request only.</summary>
    private async Task<IReadOnlyCollection<string>> CountAsync(HttpClient client, string path, Func<Task>? alongside = null)
    {
        var seen = new ConcurrentQueue<string>();
        var token = Guid.NewGuid().ToString("N");
        using var observer = new Observer(_app.DataDirectory, token, seen);
        using (DiagnosticListener.AllListeners.Subscribe(observer))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            request.Headers.Add(Marker, token);
            var measured = client.SendAsync(request);
            if (alongside is not null)
            {
                await alongside();
            }

            (await measured).EnsureSuccessStatusCode();
        }

        return seen;
    }

    private sealed class Observer(string dataDirectory, string token, ConcurrentQueue<string> seen)
        : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly List<IDisposable> _subscriptions = [];
        private Activity? _request;

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name is DbLoggerCategory.Name or "Microsoft.AspNetCore")
            {
                lock (_subscriptions)
                {
                    _subscriptions.Add(value.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == "Microsoft.AspNetCore.Hosting.HttpRequestIn.Start" && value.Value is HttpContext context
                && context.Request.Headers[Marker] == token)
            {
                _request = Activity.Current;
            }
            else if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData data
                && data.Command.Connection is DbConnection connection && connection.DataSource.StartsWith(dataDirectory, StringComparison.Ordinal)
                && InRequest())
            {
                seen.Enqueue(data.Command.CommandText);
            }
        }

        private bool InRequest()
        {
            for (var activity = Activity.Current; activity is not null; activity = activity.Parent)
            {
                if (_request is not null && ReferenceEquals(activity, _request))
                {
                    return true;
                }
            }

            return false;
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            lock (_subscriptions)
            {
                _subscriptions.ForEach(s => s.Dispose());
            }
        }
    }
}
