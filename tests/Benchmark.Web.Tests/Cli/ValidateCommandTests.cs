using Benchmark.Web.Cli;

namespace Benchmark.Web.Tests.Cli;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("validate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Run_WhenEveryRepositoryWorkflow_ThenExitsZero()
    {
        var output = new StringWriter();
        var errors = new StringWriter();

        var code = ValidateCommand.Run(RepositoryFiles.Workflows().ToList(), output, errors);

        Assert.True(code == 0, errors.ToString());
        Assert.Equal(5, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.Contains(": OK", StringComparison.Ordinal)));
    }

    [Fact]
    public void Run_WhenOneFileIsBroken_ThenExitsOneWithFileLineAndColumn()
    {
        var broken = Path.Combine(_dir, "broken.yaml");
        File.WriteAllText(broken, "id: x\nversion: 1\ntitle: X\nanchors: [{ id: J, title: J }]\nroles: [{ id: cp, title: CP, side: establishment }]\nphases:\n  - id: p\n    title: P\n    due: J+1mo\n    gate: { deliverables: [diag] }\n    deliverables:\n      - { id: diagnostic, title: D, owner: cp, due: J+1mo }\n");
        var errors = new StringWriter();

        var code = ValidateCommand.Run([RepositoryFiles.Workflow("gestion-flux-patients.yaml"), broken], TextWriter.Null, errors);

        Assert.Equal(1, code);
        Assert.Contains($"{broken}:10:28: condition de passage de la phase 'p' nomme le livrable 'diag' qui n'est pas déclaré (déclarés : diagnostic)", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WhenRelativePathsFromTheCallersFolder_ThenReadThereAndReportedAsTyped()
    {
        var caller = Directory.CreateDirectory(Path.Combine(_dir, "depot")).FullName;
        Directory.CreateDirectory(Path.Combine(caller, "workflows"));
        File.Copy(RepositoryFiles.Workflow("gestion-flux-patients.yaml"), Path.Combine(caller, "workflows", "flux.yaml"));
        File.WriteAllText(Path.Combine(caller, "workflows", "casse.yaml"), "id: x\nversion: deux\n");
        var (args, callerDirectory) = CommandLine.TakeCallerDirectory(
            [$"{CommandLine.CallerDirectoryOption}{caller}", "validate", "workflows/flux.yaml", "workflows/casse.yaml"]);
        var output = new StringWriter();
        var errors = new StringWriter();

        var code = ValidateCommand.Run(args[1..], output, errors, callerDirectory);

        Assert.Equal(1, code);
        Assert.StartsWith("workflows/flux.yaml: OK", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("workflows/casse.yaml:2:", errors.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("introuvable", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WhenAliasBomb_ThenRefusedWithMessage()
    {
        var bomb = Path.Combine(_dir, "bomb.yaml");
        var lines = new List<string> { "a: &a [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 12; i++)
        {
            var previous = (char)('a' + i - 1);
            lines.Add($"{(char)('a' + i)}: &{(char)('a' + i)} [{string.Join(", ", Enumerable.Repeat("*" + previous, 10))}]");
        }

        File.WriteAllLines(bomb, lines);
        var errors = new StringWriter();

        var code = ValidateCommand.Run([bomb], TextWriter.Null, errors);

        Assert.Equal(1, code);
        Assert.Contains("bombe d'alias", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WhenNoFile_ThenUsageAndExitTwo()
    {
        var errors = new StringWriter();

        Assert.Equal(2, ValidateCommand.Run([], TextWriter.Null, errors));
        Assert.Contains("usage", errors.ToString(), StringComparison.Ordinal);
    }
}
