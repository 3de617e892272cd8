using System.Net;
using Benchmark.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmark.Web.Tests.Infrastructure.Security;

/// <summary>API answers, exports and downloads say Cache-Control: no-store; static assets keep their caching.</summary>
public sealed class NoStoreTests(BenchmarkApp app) : IClassFixture<BenchmarkApp>
{
    [Fact]
    public async Task Response_WhenApiOrExport_ThenNoStore_AndWhenStylesheet_ThenNot()
    {
        using var admin = await app.SignedInAsync("admin@demo.benchmark.test");
        var wave = await app.WithServicesAsync(sp => sp.GetRequiredService<BenchmarkDbContext>().Waves.Select(w => w.Id).FirstAsync());

        foreach (var path in new[] { "/api/waves", "/api/nexiste-pas", $"/vagues/{wave}/indicateurs/export?format=csv", $"/vagues/{wave}/indicateurs/export?format=xlsx" })
        {
            using var response = await admin.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{path} ({(int)response.StatusCode}) must not be cached");
        }

        using var stylesheet = await admin.GetAsync(new Uri("/css/site.css", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, stylesheet.StatusCode);
        Assert.False(stylesheet.Headers.CacheControl?.NoStore == true, "a stylesheet may be cached");
    }
}
