using System.Net;
using Benchmark.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing.Patterns;
using Xunit.Abstractions;

namespace Benchmark.Web.Tests.Authorization;

/// <summary>
/// THE access rule, proved on every endpoint the application maps — found at test time, so a new page or API endpoint
/// joins the matrix by itself. For each demo account and each route parameter naming a kind of object, the matrix puts
/// in an object of that kind the account may not see and expects 404 (GET, and POST with a valid anti-forgery token),
/// with none of that object's text in the body. An endpoint the matrix cannot test fails, with what to add.
/// </summary>
public sealed class AuthorizationMatrixTests : IClassFixture<MatrixFixture>
{
    /// <summary>Route parameters that name user-visible objects; the world knows, per account, one visible and one forbidden id of each.</summary>
    public static readonly IReadOnlySet<string> ScopedIds = new HashSet<string>(StringComparer.Ordinal)
    {
        "waveId", "groupId", "enrolmentId", "establishmentId", "sessionId", "definitionId", "userId", "tokenId",
    };

    /// <summary>
    /// Route parameters that carry no scoped data (an id inside a definition file, a document name), with a sample value.
    /// Add one here only if it cannot reach another person's data by itself.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> OpaqueParameters = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["documentName"] = "v1",
        ["deliverableKey"] = "lettre-intention",
        ["token"] = "jeton-inconnu",
        ["code"] = "404",
    };

    /// <summary>
    /// Pages that need a query value the matrix cannot guess (a submitted version number): they answer 404 here for
    /// everyone, so the tests named beside them prove that they open for the right people and 404 for the others.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> OpenedByTheirOwnTests = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["GET /parcours/{enrolmentId:guid}/feuille-de-route/version"] = "Features.Roadmap.RoadmapPageTests (versions read-only, other establishment 404)",
        ["GET /parcours/{enrolmentId:guid}/candidature/version"] = "Features.Candidature.CandidaturePageTests (submission then version, scope 404)",
    };

    /// <summary>
    /// Endpoints anyone may call without signing in. An endpoint marked [AllowAnonymous] (or .AllowAnonymous()) that is not
    /// listed here fails the matrix: making something public is a decision, written down here.
    /// </summary>
    public static readonly IReadOnlySet<string> Public = new HashSet<string>(StringComparer.Ordinal)
    {
        "GET /connexion", "POST /connexion",
        "GET /health",
        "GET /openapi/{documentName}.json",
        "GET /api/reference",
        "GET /mot-de-passe-oublie", "POST /mot-de-passe-oublie",
        "GET /reinitialiser", "POST /reinitialiser",
        "GET /invitation", "POST /invitation",
        "GET /agenda/{token}.ics",
        "GET /erreur/{code:int?}",
    };

    private readonly MatrixFixture _fixture;
    private readonly ITestOutputHelper _output;

    public AuthorizationMatrixTests(MatrixFixture fixture, ITestOutputHelper output) => (_fixture, _output) = (fixture, output);

    public static TheoryData<string> Roles => [.. MatrixWorld.Roles];

    [Fact]
    public void Matrix_WhenEndpointsAreDiscovered_ThenEveryOneIsClassified()
    {
        foreach (var call in _fixture.Endpoints)
        {
            _output.WriteLine($"{Classify(call),-22} {call}");
        }

        var problems = Problems(_fixture.Endpoints, isWholeApplication: true);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Contains(_fixture.Endpoints, c => c.ToString() == "GET /api/enrolments/{enrolmentId:guid}");
        Assert.Contains(_fixture.Endpoints, c => c.ToString() == "POST /compte/jetons/{tokenId:guid}/revoquer");
        Assert.Contains(_fixture.Endpoints, c => c.ToString() == "GET /connexion");
    }

    [Fact]
    public void Matrix_WhenAnEndpointCannotBeTested_ThenItFailsSayingWhatToAdd()
    {
        EndpointCall[] newcomers =
        [
            new("GET", RoutePatternFactory.Parse("/widgets/{widgetId:guid}"), null, IsPublic: false, "widget page"),
            new("POST", RoutePatternFactory.Parse("/ouvert-a-tous"), null, IsPublic: true, "anonymous form"),
        ];

        var problems = Problems(newcomers, isWholeApplication: false);

        Assert.Contains(problems, p => p.Contains("'widgetId' is unknown to the authorization matrix", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("POST /ouvert-a-tous allows anonymous users but is not in AuthorizationMatrixTests.Public", StringComparison.Ordinal));
    }

    /// <summary>What keeps the matrix from testing these endpoints, each with what the developer must add.</summary>
    internal static List<string> Problems(IReadOnlyCollection<EndpointCall> endpoints, bool isWholeApplication)
    {
        var problems = new List<string>();
        foreach (var call in endpoints)
        {
            if (call.IsPublic != Public.Contains(call.ToString()))
            {
                problems.Add(call.IsPublic
                    ? $"{call} allows anonymous users but is not in AuthorizationMatrixTests.Public: add it there if it is meant to be public, or remove [AllowAnonymous]."
                    : $"{call} is listed in AuthorizationMatrixTests.Public but requires sign-in: remove it from the list.");
            }

            foreach (var parameter in call.Route.Parameters.Where(p => !ScopedIds.Contains(p.Name) && !OpaqueParameters.ContainsKey(p.Name)))
            {
                problems.Add($"{call}: route parameter '{parameter.Name}' is unknown to the authorization matrix. If it identifies data, name it one of "
                    + $"{{{string.Join("|", ScopedIds)}}} (or teach MatrixWorld, tests/Benchmark.Web.Tests/Authorization, a visible and a forbidden id of a new kind per account); "
                    + "if it carries no scoped data, add it to AuthorizationMatrixTests.OpaqueParameters with a sample value.");
            }

            foreach (var parameter in call.Route.Parameters.Where(p => OpaqueParameters.ContainsKey(p.Name) && p.ParameterPolicies.Any(x => x.Content == "guid")))
            {
                problems.Add($"{call}: '{parameter.Name}' is a guid declared opaque: a guid names an object, make it a scoped id.");
            }
        }

        if (isWholeApplication)
        {
            problems.AddRange(Public.Where(p => endpoints.All(c => c.ToString() != p))
                .Select(listed => $"'{listed}' is listed in AuthorizationMatrixTests.Public but no such endpoint exists any more: remove it."));
        }

        return problems;
    }

    [Fact]
    public async Task Matrix_WhenAnonymous_ThenEveryNonPublicEndpointAsksToSignIn()
    {
        using var client = _fixture.App.Client();
        var values = MatrixRequests.Values(_fixture.World.Forbidden["admin@demo.benchmark.test"], _fixture.World.Visible["admin@demo.benchmark.test"], []);
        var failures = new List<string>();
        foreach (var call in _fixture.Endpoints.Where(c => !c.IsPublic))
        {
            using var response = await MatrixRequests.SendAsync(client, call, values, antiforgeryToken: null);
            var location = response.Headers.Location?.OriginalString ?? "";
            var ok = call.IsApi
                ? response.StatusCode == HttpStatusCode.Unauthorized && location.Length == 0
                : response.StatusCode == HttpStatusCode.Redirect && location.Contains("/connexion", StringComparison.Ordinal);
            if (!ok)
            {
                failures.Add($"{call} as anonymous answered {(int)response.StatusCode} {location} (expected {(call.IsApi ? "401" : "a redirect to /connexion")})");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Matrix_WhenSomeoneElsesId_ThenEveryScopedEndpointAnswers404WithoutTheirData(string email)
    {
        using var client = await _fixture.App.SignedInAsync(email);
        var token = BenchmarkApp.AntiforgeryToken(await client.GetStringAsync(new Uri("/compte/jetons", UriKind.Relative)));
        var visible = _fixture.World.Visible[email];
        var forbidden = _fixture.World.Forbidden[email];
        var failures = new List<string>();
        var tested = 0;
        foreach (var call in _fixture.Endpoints.Where(c => !c.IsPublic && c.ParameterNames.Any(ScopedIds.Contains)))
        {
            var substitutable = call.ParameterNames.Where(p => ScopedIds.Contains(p) && forbidden.ContainsKey(p)).ToList();
            if (substitutable.Count == 0)
            {
                _output.WriteLine($"{call}: nothing of these kinds is hidden from {email} (shared reference data)");
                continue;
            }

            // All ids someone else's; then, on a route with several ids, one at a time beside ids the account may see,
            // which catches a page that checks the wave but loads the group without checking it belongs there.
            var variants = new List<IReadOnlyList<string>> { substitutable };
            if (call.ParameterNames.Count(ScopedIds.Contains) > 1)
            {
                variants.AddRange(substitutable.Select(p => (IReadOnlyList<string>)[p]));
            }

            foreach (var swapped in variants)
            {
                tested++;
                var values = MatrixRequests.Values(forbidden, visible, swapped);
                using var response = await MatrixRequests.SendAsync(client, call, values, token);
                var body = MatrixRequests.Readable(await response.Content.ReadAsStringAsync());
                var leaked = swapped.Select(p => forbidden[p].Marker).Concat(MatrixWorld.OtherAgencyMarkers)
                    .Where(m => body.Contains(m, StringComparison.Ordinal)).ToList();
                var url = call.Url(values);
                if (leaked.Count > 0)
                {
                    failures.Add($"{call.Method} {url} as {email} shows {string.Join(", ", leaked.Select(m => $"« {m} »"))} (someone else's {string.Join("+", swapped)})");
                }

                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    continue;
                }

                if (MatrixRequests.IsRoleDenial(response))
                {
                    // A refusal that does not depend on the id (the role may not use this page at all) leaks nothing.
                    using var own = await MatrixRequests.SendAsync(client, call, MatrixRequests.Values(forbidden, visible, []), token);
                    if (!MatrixRequests.IsRoleDenial(own))
                    {
                        failures.Add($"{call.Method} {url} as {email} answered {(int)response.StatusCode} but {(int)own.StatusCode} with their own ids: the refusal reveals the object exists (answer 404)");
                    }

                    continue;
                }

                failures.Add($"{call.Method} {url} as {email} answered {(int)response.StatusCode} {response.Headers.Location} for someone else's {string.Join("+", swapped)} (expected 404)");
            }
        }

        _output.WriteLine($"{tested} requests with someone else's ids as {email}");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Matrix_WhenEndpointsWithoutIds_ThenNoOtherAgencyDataAppears(string email)
    {
        using var client = await _fixture.App.SignedInAsync(email);
        var failures = new List<string>();
        var values = MatrixRequests.Values(_fixture.World.Forbidden[email], _fixture.World.Visible[email], []);
        foreach (var call in _fixture.Endpoints.Where(c => !c.IsPublic && c.Method == "GET" && !c.ParameterNames.Any(ScopedIds.Contains)))
        {
            using var response = await MatrixRequests.SendAsync(client, call, values, antiforgeryToken: null);
            var body = MatrixRequests.Readable(await response.Content.ReadAsStringAsync());
            var leaked = MatrixWorld.OtherAgencyMarkers.Where(m => body.Contains(m, StringComparison.Ordinal)).ToList();
            if (leaked.Count > 0 || (int)response.StatusCode >= 500)
            {
                failures.Add($"GET {call.Url(values)} as {email}: {(int)response.StatusCode}, shows {string.Join(", ", leaked)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Matrix_WhenOwnIds_ThenEveryScopedPageOpensForSomeone()
    {
        // Without this, a 404 could come from a broken route or ids that do not fit together, and prove nothing.
        var opened = await _fixture.OpenedForSomeoneAsync();
        var closed = _fixture.Endpoints
            .Where(c => !c.IsPublic && c.Method == "GET" && c.ParameterNames.Any(ScopedIds.Contains) && !opened.Contains(c.ToString()) && !OpenedByTheirOwnTests.ContainsKey(c.ToString()))
            .ToList();
        Assert.True(closed.Count == 0, string.Join(Environment.NewLine, closed.Select(c => $"{c} answers no demo account with ids it may see: the matrix cannot tell its 404s from a broken page")));
    }

    private static string Classify(EndpointCall call) =>
        call.IsPublic ? "public" : call.ParameterNames.Any(ScopedIds.Contains) ? "id-scoped" : "authenticated, no ids";
}
