using System.Net;
using Benchmark.Data;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Authorization;

/// <summary>The application with the matrix world seeded and its endpoints discovered, once for the matrix tests.</summary>
public sealed class MatrixFixture : IAsyncLifetime, IDisposable
{
    public BenchmarkApp App { get; } = new();

    public MatrixWorld World { get; private set; } = null!;

    public IReadOnlyList<EndpointCall> Endpoints { get; private set; } = [];

    public async Task InitializeAsync()
    {
        World = await MatrixWorld.BuildAsync(App);
        await Features.Deliverables.DeliverableScenario.SubmitLetterOfIntentAsync(App); // a file for the download handler to open
        Endpoints = await EndpointCatalog.DiscoverAsync(App.Services);
    }

    /// <summary>
    /// The id-scoped GET endpoints that answer 200 to at least one demo account with ids it may see. A programme's own
    /// pages (the collection grid of the imaging coaching…) open only for an enrolment of that programme: those are
    /// retried as the ArsAdmin, who sees every wave of the agency, with each enrolment in turn.
    /// </summary>
    public async Task<IReadOnlySet<string>> OpenedForSomeoneAsync()
    {
        var scoped = Endpoints.Where(c => !c.IsPublic && c.Method == "GET" && c.ParameterNames.Any(AuthorizationMatrixTests.ScopedIds.Contains)).ToList();
        var opened = new HashSet<string>(StringComparer.Ordinal);
        foreach (var email in MatrixWorld.Roles)
        {
            using var client = await App.SignedInAsync(email);
            var values = MatrixRequests.Values(World.Forbidden[email], World.Visible[email], []);
            foreach (var call in scoped)
            {
                using var response = await MatrixRequests.SendAsync(client, call, values, antiforgeryToken: null);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    opened.Add(call.ToString());
                }
            }
        }

        const string admin = "admin@demo.benchmark.test";
        var enrolments = await App.WithServicesAsync(sp => sp.GetRequiredService<BenchmarkDbContext>().Enrolments.Select(e => e.Id).ToListAsync());
        using var adminClient = await App.SignedInAsync(admin);
        var adminValues = MatrixRequests.Values(World.Forbidden[admin], World.Visible[admin], []);
        foreach (var call in scoped.Where(c => c.ParameterNames.Contains("enrolmentId") && !opened.Contains(c.ToString())))
        {
            foreach (var enrolment in enrolments)
            {
                adminValues["enrolmentId"] = enrolment.ToString();
                using var response = await MatrixRequests.SendAsync(adminClient, call, adminValues, antiforgeryToken: null);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    opened.Add(call.ToString());
                    break;
                }
            }
        }

        return opened;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => App.Dispose();
}
