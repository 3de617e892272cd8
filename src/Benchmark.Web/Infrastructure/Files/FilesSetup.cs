using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Benchmark.Web.Infrastructure.Files;

/// <summary>
/// Registers the file store: files under <c>{App:DataDirectory}/files</c>, at most <c>Files:MaxUploadMegabytes</c> (25 by
/// default). The limit is enforced three times: Kestrel's request body size, the multipart form's length, and the store
/// itself while it copies (so a file just over the limit gets a clear French message, not a bare 413).
/// </summary>
internal static class FilesSetup
{
    public static void AddFileStore(IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var dataDirectory = string.IsNullOrWhiteSpace(configuration["App:DataDirectory"]) ? "./data" : configuration["App:DataDirectory"]!;
        var options = new FileStoreOptions
        {
            Directory = Path.GetFullPath(Path.Combine(dataDirectory, "files")),
            MaxUploadMegabytes = configuration.GetValue("Files:MaxUploadMegabytes", FileStoreOptions.DefaultMaxUploadMegabytes),
        };
        if (options.MaxUploadMegabytes <= 0)
        {
            throw new InvalidOperationException("Files:MaxUploadMegabytes must be a positive number of megabytes.");
        }

        services.AddSingleton(options);
        services.AddSingleton<FileStore>();
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = Math.Max(o.Limits.MaxRequestBodySize ?? 0, options.MaxRequestBytes));
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = options.MaxRequestBytes);
    }
}
