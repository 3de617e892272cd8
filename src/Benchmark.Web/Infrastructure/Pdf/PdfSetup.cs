using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Benchmark.Web.Infrastructure.Pdf;

/// <summary>
/// Registers PDF printing: options (section <c>Pdf</c>), print tickets, the Chromium printer, and the authorization
/// policy of the pages Chromium may open with a ticket (<see cref="Policy"/>): the ticket when the request carries one,
/// the session cookie otherwise — a page under this policy answers the signed-in user exactly as before.
/// </summary>
internal static class PdfSetup
{
    public const string Policy = "PrintableByTicket";

    private const string Scheme = "PrintTicketOrCookie";

    public static IServiceCollection AddPdf(IServiceCollection services)
    {
        services.AddOptions<PdfOptions>().BindConfiguration(PdfOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PrintTickets>();
        services.AddScoped<ChromiumPdf>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, PrintTicketHandler>(PrintTicketHandler.SchemeName, null)
            .AddPolicyScheme(Scheme, "Ticket d'impression ou session", o => o.ForwardDefaultSelector = context =>
                context.Request.Query.ContainsKey(PrintTickets.QueryKey) ? PrintTicketHandler.SchemeName : IdentityConstants.ApplicationScheme);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }
}
