namespace Benchmark.Core.Yaml;

/// <summary>A position in a source file, 1-based.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column}";
}

/// <summary>A YAML node with the position it was read from. Built by <see cref="BoundedYamlReader"/>.</summary>
public abstract record YamlNode(SourcePosition Position);

/// <summary>A scalar; <see cref="Plain"/> is false when it was quoted (so "1" stays text).</summary>
public sealed record YamlScalar(SourcePosition Position, string Value, bool Plain) : YamlNode(Position);

public sealed record YamlSequence(SourcePosition Position, IReadOnlyList<YamlNode> Items) : YamlNode(Position);

/// <summary>A mapping whose keys keep their own positions, in document order.</summary>
public sealed record YamlMapping(SourcePosition Position, IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries)
    : YamlNode(Position);
