using System.Security.Claims;
using Benchmark.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Benchmark.Web.Features.Access;

/// <summary>Registers the current user and the access scope for each request.</summary>
internal static class AccessSetup
{
    public static IServiceCollection AddAccessRule(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped(sp => sp.GetRequiredService<IHttpContextAccessor>().HttpContext is { } context
            ? CurrentUser.From(context.User)
            : CurrentUser.Anonymous);
        services.AddScoped<AccessScope>();
        services.AddScoped<IUserClaimsPrincipalFactory<AppUser>, ClaimsFactory>();
        return services;
    }

    /// <summary>Puts the agency and display name in the cookie, so the access rule needs no extra query.</summary>
    private sealed class ClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
        : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(users, roles, options)
    {
        protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
        {
            var identity = await base.GenerateClaimsAsync(user);
            identity.AddClaim(new Claim("name", user.FullName));
            if (user.AgencyId is { } agency)
            {
                identity.AddClaim(new Claim(CurrentUser.AgencyClaim, agency.ToString()));
            }

            return identity;
        }
    }
}
