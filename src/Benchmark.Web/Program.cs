using Benchmark.Web.Cli;
using Benchmark.Web.Hosting;

if (!CommandLine.IsServe(args) && CommandLine.RunOffline(args) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args.Length > 0 && args[0] == "serve" ? args[1..] : args);
builder.AddBenchmarkHost();

var app = builder.Build();
app.MapBenchmarkEndpoints();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
