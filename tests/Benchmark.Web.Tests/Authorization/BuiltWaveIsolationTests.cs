using System.Net;
using Benchmark.Web.Tests.Infrastructure;
using Benchmark.Web.Tests.Infrastructure.Builders;

namespace Benchmark.Web.Tests.Authorization;

/// <summary>
/// Two waves built by <see cref="WaveBuilder"/> in two agencies: every role sees its own enrolment and gets « not found »
/// for the other agency's, which proves the builder's waves are as isolated as the application's own.
/// </summary>
public sealed class BuiltWaveIsolationTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    [Fact]
    public async Task Journey_WhenEachRoleOfOneAgencyOpensBothEnrolments_ThenOnlyItsOwnIsFound()
    {
        var mine = await new WaveBuilder(app.Services).BuildAsync();
        var theirs = await new WaveBuilder(app.Services).Programme("coaching-imagerie").BuildAsync();

        foreach (var email in new[] { mine.Teams[0].Email, mine.Consultant, mine.Reviewer, mine.Admin })
        {
            var client = await app.SignedInAsync(email);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Journey(mine.Teams[0].EnrolmentId))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Journey(theirs.Teams[0].EnrolmentId))).StatusCode);
        }
    }

    private static Uri Journey(Guid enrolment) => new($"/parcours/{enrolment}", UriKind.Relative);
}
