using Benchmark.Web.Cli;
using Benchmark.Web.Hosting;

var (verbArgs, callerDirectory) = CommandLine.TakeCallerDirectory(args);
if (!CommandLine.IsServe(verbArgs) && CommandLine.RunOffline(verbArgs, callerDirectory) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(verbArgs.Length > 0 && verbArgs[0] == "serve" ? verbArgs[1..] : verbArgs);
builder.AddBenchmarkHost();

var app = builder.Build();
app.MapBenchmarkEndpoints();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
