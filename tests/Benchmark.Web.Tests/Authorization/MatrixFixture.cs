using Benchmark.Web.Tests.Infrastructure;

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

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => App.Dispose();
}
