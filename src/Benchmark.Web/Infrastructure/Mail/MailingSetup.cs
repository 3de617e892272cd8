using Benchmark.Data.Persistence;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Benchmark.Web.Infrastructure.Mail;

/// <summary>Mail: options, renderer, outbox, delivery (SMTP when <c>Smtp:Host</c> is set, else the pickup folder) and the background dispatcher.</summary>
internal static class MailingSetup
{
    public static IServiceCollection AddMailing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>()
            .Configure(o => MailOptions.Bind(o, configuration))
            .Validate(o => !o.Problems().Any(), "Configuration du courrier invalide (Smtp, Mail)")
            .ValidateOnStart();
        services.TryAddSingleton(sp => new MailTemplates(MailTemplates.Locate(sp.GetRequiredService<IHostEnvironment>().ContentRootPath)));
        services.TryAddSingleton<MailRenderer>();
        services.TryAddSingleton<IMailDelivery>(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.UsesSmtp
            ? ActivatorUtilities.CreateInstance<SmtpMailDelivery>(sp)
            : ActivatorUtilities.CreateInstance<PickupDirectoryMailDelivery>(sp));
        services.TryAddScoped<MailOutbox>();
        services.TryAddScoped<OutboxStore>();
        services.TryAddScoped<OutboxDispatcher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, OutboxDispatchService>());
        return services;
    }
}
