using Benchmark.Core.Yaml;

namespace Benchmark.Core.Definitions;

/// <summary>A problem in a definition file, reported as <c>file:line:column: message</c>.</summary>
public sealed record DefinitionError(string File, SourcePosition Position, string Message)
{
    public override string ToString() => $"{File}:{Position.Line}:{Position.Column}: {Message}";
}

/// <summary>The outcome of loading a definition: the definition when there is no error.</summary>
public sealed record LoadResult(WorkflowDefinition? Definition, IReadOnlyList<DefinitionError> Errors)
{
    public bool IsValid => Definition is not null && Errors.Count == 0;
}
