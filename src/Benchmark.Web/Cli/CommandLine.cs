namespace Benchmark.Web.Cli;

/// <summary>Dispatches the CLI verbs; <c>serve</c> (or no verb) falls through to the web host.</summary>
internal static class CommandLine
{
    public static bool IsServe(string[] args) => args.Length == 0 || args[0] == "serve" || args[0].StartsWith('-');

    public static int? RunOffline(string[] args) => args[0] switch
    {
        "validate" => ValidateCommand.Run(args[1..], Console.Out, Console.Error),
        "schedule" => ScheduleCommand.Run(args[1..], Console.Out, Console.Error),
        "migrate" => MigrateCommand.RunAsync(args[1..], Console.Out, Console.Error).GetAwaiter().GetResult(),
        "seed" => SeedDemoCommand.RunAsync(args[1..], Console.Out, Console.Error, TimeProvider.System).GetAwaiter().GetResult(),
        _ => null,
    };
}
