using Benchmark.Web.Infrastructure.Files;

namespace Benchmark.Web.Features.Deliverables;

/// <summary>The deliverables slice: submit/decide service, uploaded file store and its size limit.</summary>
internal static class DeliverablesSetup
{
    public static void AddDeliverables(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<DeliverableActions>();
        services.AddScoped<DeliverableRecipients>();
        services.AddScoped<DeliverableQuery>();
        FilesSetup.AddFileStore(services, configuration);
    }
}
