using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Benchmark.Web.Infrastructure.Security;

/// <summary>
/// ASP.NET Core's rate limiter on the credential pages (<see cref="CredentialAttemptsAttribute"/>): a fixed window per
/// client address (after the forwarded headers, so the proxy's clients are told apart) chained with one per account.
/// A refusal is a 429 with <c>Retry-After</c>; its body is the French error page, or Problem Details under <c>/api</c>,
/// both written by the error answers (<see cref="Features.Errors.ErrorsSetup"/>).
/// </summary>
internal static class RateLimits
{
    private const string AccountItem = "benchmark.rate-limit.account";

    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((o, limits) =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(ByAddress(limits.Value), ByAccount(limits.Value));
            o.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait))
                {
                    context.HttpContext.Response.Headers.RetryAfter =
                        ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>After routing (the limits follow the endpoint) and authentication (the signed-in account).</summary>
    public static WebApplication UseRateLimits(this WebApplication app)
    {
        // The limiter's partition is chosen synchronously: the account is read from the form beforehand.
        app.Use(async (context, next) =>
        {
            if (AttemptOf(context) is { } attempt)
            {
                context.Items[AccountItem] = await AccountAsync(context, attempt);
            }

            await next(context);
        });
        app.UseRateLimiter();
        return app;
    }

    private static CredentialAttemptsAttribute? AttemptOf(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
            ? context.GetEndpoint()?.Metadata.GetMetadata<CredentialAttemptsAttribute>()
            : null;

    private static async Task<string> AccountAsync(HttpContext context, CredentialAttemptsAttribute attempt)
    {
        if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id)
        {
            return "user:" + id;
        }

        var value = attempt.AccountField is not { } field ? ""
            : context.Request.HasFormContentType && (await context.Request.ReadFormAsync(context.RequestAborted))[field] is { Count: > 0 } posted
                ? posted.ToString()
                : context.Request.Query[field].ToString();
        return value.Trim().ToUpperInvariant();
    }

    private static PartitionedRateLimiter<HttpContext> ByAddress(RateLimitOptions limits) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => AttemptOf(context) is null
            ? RateLimitPartition.GetNoLimiter("")
            // No address only in an in-process host (tests): one shared partition, never a way around the limit.
            : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "?", _ =>
                Window(limits.PerAddressPermits, limits.PerAddressWindow)));

    private static PartitionedRateLimiter<HttpContext> ByAccount(RateLimitOptions limits) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            // The item outlives a re-execution (the error page answering a refusal), which is no attempt.
            AttemptOf(context) is not null && context.Items[AccountItem] is string { Length: > 0 } account
                ? RateLimitPartition.GetFixedWindowLimiter(account, _ => Window(limits.PerAccountPermits, limits.PerAccountWindow))
                : RateLimitPartition.GetNoLimiter(""));

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true };
}
