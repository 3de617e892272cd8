namespace Benchmark.Web.Cli;

/// <summary>Dispatches the CLI verbs; <c>serve</c> (or no verb) falls through to the web host.</summary>
internal static class CommandLine
{
    /// <summary>
    /// Put first by <c>dotnet run</c> (RunArguments in Benchmark.Web.csproj): the folder the command was typed in.
    /// <c>dotnet run</c> starts a web project in the project's own folder (its content root), so without it
    /// <c>validate workflows/*.yaml</c> typed at the repository root found none of its files.
    /// </summary>
    public const string CallerDirectoryOption = "--caller-directory=";

    /// <summary>The arguments without the caller's folder, and that folder (null when the program was started directly).</summary>
    public static (string[] Args, string? CallerDirectory) TakeCallerDirectory(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Length > 0 && args[0].StartsWith(CallerDirectoryOption, StringComparison.Ordinal)
            ? (args[1..], args[0][CallerDirectoryOption.Length..].Trim('"'))
            : (args, null);
    }

    public static bool IsServe(string[] args) => args.Length == 0 || args[0] == "serve" || args[0].StartsWith('-');

    /// <summary>Runs a verb; relative paths given to it are read from <paramref name="callerDirectory"/> when known.</summary>
    public static int? RunOffline(string[] args, string? callerDirectory = null) => args[0] switch
    {
        "validate" => ValidateCommand.Run(args[1..], Console.Out, Console.Error, callerDirectory),
        "schedule" => ScheduleCommand.Run(args[1..], Console.Out, Console.Error, callerDirectory),
        "migrate" => MigrateCommand.RunAsync(args[1..], Console.Out, Console.Error).GetAwaiter().GetResult(),
        "seed" => SeedDemoCommand.RunAsync(args[1..], Console.Out, Console.Error, TimeProvider.System).GetAwaiter().GetResult(),
        _ => null,
    };

    /// <summary>The file a verb should open for <paramref name="path"/> as the caller typed it.</summary>
    public static string Resolve(string path, string? callerDirectory) =>
        callerDirectory is null || Path.IsPathRooted(path) ? path : Path.Combine(callerDirectory, path);
}
