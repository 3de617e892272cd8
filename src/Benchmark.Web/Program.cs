using Benchmark.Web.Cli;

if (!CommandLine.IsServe(args) && CommandLine.RunOffline(args) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args.Length > 0 && args[0] == "serve" ? args[1..] : args);
var app = builder.Build();
app.MapGet("/", () => "Benchmark");
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
