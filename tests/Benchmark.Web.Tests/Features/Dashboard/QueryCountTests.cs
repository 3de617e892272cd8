using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Benchmark.Data;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Features.Dashboard;

/// <summary>
/// The dashboards and the journey page read with a fixed number of SQL statements, whatever the number of rows
/// (no query per row: 40 ARS rows would otherwise cost hundreds). Measured: ARS 12, consultant 8, team 11, journey 10,
/// most of them the split loading of the enrolment aggregate (auto-included children). Only statements on this
/// fixture's database count, so parallel tests do not interfere.
/// </summary>
public sealed class QueryCountTests : IClassFixture<BenchmarkApp>
{
    private readonly BenchmarkApp _app;

    public QueryCountTests(BenchmarkApp app) => _app = app;

    [Theory]
    [InlineData("admin@demo.benchmark.test", 14)]
    [InlineData("consultant@demo.benchmark.test", 10)]
    [InlineData("equipe@demo.benchmark.test", 13)]
    public async Task Dashboard_WhenRendered_ThenAFixedHandfulOfStatements(string email, int budget)
    {
        using var client = await _app.SignedInAsync(email);
        await client.GetStringAsync(new Uri("/tableau-de-bord", UriKind.Relative));

        var statements = await CountAsync(() => client.GetStringAsync(new Uri("/tableau-de-bord", UriKind.Relative)));

        Assert.InRange(statements.Count, 1, budget);
    }

    [Fact]
    public async Task Journey_WhenRendered_ThenAFixedHandfulOfStatements()
    {
        var id = await _app.WithServicesAsync(sp => sp.GetRequiredService<BenchmarkDbContext>().Enrolments.Select(e => e.Id).FirstAsync());
        using var client = await _app.SignedInAsync("admin@demo.benchmark.test");
        await client.GetStringAsync(new Uri($"/parcours/{id}", UriKind.Relative));

        var statements = await CountAsync(() => client.GetStringAsync(new Uri($"/parcours/{id}", UriKind.Relative)));

        Assert.InRange(statements.Count, 1, 12);
    }

    private async Task<IReadOnlyCollection<string>> CountAsync(Func<Task> action)
    {
        var seen = new ConcurrentQueue<string>();
        using var observer = new Observer(_app.DataDirectory, seen);
        using (DiagnosticListener.AllListeners.Subscribe(observer))
        {
            await action();
        }

        return seen;
    }

    private sealed class Observer(string dataDirectory, ConcurrentQueue<string> seen) : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly List<IDisposable> _subscriptions = [];

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (_subscriptions)
                {
                    _subscriptions.Add(value.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData data
                && data.Command.Connection is DbConnection connection && connection.DataSource.StartsWith(dataDirectory, StringComparison.Ordinal))
            {
                seen.Enqueue(data.Command.CommandText);
            }
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
