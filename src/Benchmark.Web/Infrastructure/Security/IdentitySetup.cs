using Benchmark.Data;
using Benchmark.Data.Identity;
using Benchmark.Web.Infrastructure.Api;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Benchmark.Web.Infrastructure.Security;

/// <summary>Accounts: ASP.NET Core Identity on our EF model, with the password, lockout and cookie policy.</summary>
internal static class IdentitySetup
{
    public static IServiceCollection AddBenchmarkIdentity(this IServiceCollection services)
    {
        services.AddIdentity<AppUser, IdentityRole<Guid>>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<BenchmarkDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<FrenchIdentityErrors>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddSignInManager<SessionSignInManager>();
        services.AddScoped<ServerSessions>();

        // Invitation and reset links: single use (the security stamp changes when the password is set) and expiring.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(3));

        // "Sign out everywhere" rotates the security stamp; other sessions notice within Security:StampValidationInterval
        // (default one minute; zero checks on every request, as the tests do).
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            o.ValidationInterval = configuration.GetValue("Security:StampValidationInterval", TimeSpan.FromMinutes(1));
            o.OnRefreshingPrincipal = ServerSessions.KeepSession;
        });
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/connexion";
            o.LogoutPath = "/deconnexion";
            o.AccessDeniedPath = "/acces-refuse";
            o.Cookie.Name = "benchmark.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            AnswerApiWithoutRedirect(o.Events);

            // After the security stamp's check (Identity's), the server-side session's: a signed-out cookie stops at once.
            var stamp = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async context =>
            {
                await stamp(context);
                await ServerSessions.ValidateAsync(context);
            };
        });
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "RequestVerificationToken";
            o.Cookie.Name = "benchmark.csrf";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }

    /// <summary>
    /// Under <c>/api</c> the cookie answers 401 or 403, never a redirect to the sign-in or access-denied page: an API
    /// client cannot follow it. A signed-out htmx request answers 401 with <c>HX-Redirect</c> to the sign-in page. The API's own scheme already does so; this covers the endpoints that fall back to the
    /// cookie (a path under <c>/api</c> with the wrong method). The body is the status code page's problem.
    /// </summary>
    private static void AnswerApiWithoutRedirect(CookieAuthenticationEvents events)
    {
        var toSignIn = events.OnRedirectToLogin;
        var toAccessDenied = events.OnRedirectToAccessDenied;
        events.OnRedirectToLogin = context =>
        {
            if (context.Request.Headers.ContainsKey("HX-Request"))
            {
                // A fragment (a menu count, a checklist swap) must not swap the sign-in page into the page: htmx leaves
                // the page for the sign-in page instead, which brings the person back to the page they were on.
                var back = Uri.TryCreate(context.Request.Headers["HX-Current-URL"], UriKind.Absolute, out var current) ? current.PathAndQuery : "/";
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers["HX-Redirect"] = $"/connexion?ReturnUrl={Uri.EscapeDataString(back)}";
                return Task.CompletedTask;
            }

            if (!ApiProblems.IsApi(context.Request.Path))
            {
                return toSignIn(context);
            }

            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"benchmark\"";
            return Task.CompletedTask;
        };
        events.OnRedirectToAccessDenied = context =>
        {
            if (!ApiProblems.IsApi(context.Request.Path))
            {
                return toAccessDenied(context);
            }

            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }
}
