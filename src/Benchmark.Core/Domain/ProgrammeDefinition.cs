using System.Security.Cryptography;
using System.Text;
using Benchmark.Core.Common;
using Benchmark.Core.Definitions;

namespace Benchmark.Core.Domain;

/// <summary>
/// A stored version of a programme definition: its YAML source and hash. Once a wave uses it, it is locked:
/// a change is a new version and running waves keep theirs.
/// </summary>
public sealed class ProgrammeDefinition
{
    /// <summary>
    /// The one cache of parsed definitions, process-wide, by the SHA-256 of their source: a source always parses to the
    /// same definition, so nothing is ever invalidated (a changed file is a new hash). Parsed definitions are shared by
    /// every request and job, and never changed by them.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, WorkflowDefinition> ParsedBySource = new(StringComparer.Ordinal);

    private ProgrammeDefinition()
    {
    }

    public Guid Id { get; private set; }

    public string ProgrammeId { get; private set; } = "";

    public int Version { get; private set; }

    public string Title { get; private set; } = "";

    public string SourceText { get; private set; } = "";

    public string Hash { get; private set; } = "";

    public DateTimeOffset RegisteredAt { get; private set; }

    public bool Locked { get; private set; }

    public static string HashOf(string source) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)));

    public static Result<ProgrammeDefinition> Register(Guid id, string fileName, string source, DateTimeOffset now)
    {
        var loaded = DefinitionLoader.Load(source, fileName);
        if (!loaded.IsValid)
        {
            return Error.Invalid(string.Join(Environment.NewLine, loaded.Errors));
        }

        var d = loaded.Definition!;
        return new ProgrammeDefinition
        {
            Id = id, ProgrammeId = d.Id, Version = d.Version, Title = d.Title, SourceText = source, Hash = HashOf(source), RegisteredAt = now,
        };
    }

    /// <summary>Replaces the source of an unused version; a used one refuses (raise the version instead).</summary>
    public Result<ProgrammeDefinition> Replace(string fileName, string source, DateTimeOffset now)
    {
        if (HashOf(source) == Hash)
        {
            return this;
        }

        if (Locked)
        {
            return Error.Conflict($"La version {Version} de '{ProgrammeId}' est utilisée par une vague : elle ne peut plus changer. Augmentez 'version' dans le fichier.");
        }

        var fresh = Register(Id, fileName, source, now);
        if (!fresh.IsSuccess)
        {
            return fresh;
        }

        if (fresh.Value.ProgrammeId != ProgrammeId || fresh.Value.Version != Version)
        {
            return Error.Invalid("Le fichier ne correspond plus à cet identifiant et cette version.");
        }

        (Title, SourceText, Hash, RegisteredAt) = (fresh.Value.Title, source, fresh.Value.Hash, now);
        return this;
    }

    public void Lock() => Locked = true;

    /// <summary>The stored source parsed (valid by construction), once per process for each source.</summary>
    public WorkflowDefinition Parse() => ParsedBySource.GetOrAdd(Hash.Length > 0 ? Hash : HashOf(SourceText), _ =>
        DefinitionLoader.Load(SourceText, $"{ProgrammeId}@{Version}").Definition
        ?? throw new InvalidOperationException($"Stored definition {ProgrammeId}@{Version} no longer parses."));

    /// <summary>The definition already parsed for a source hash, so a caller that has it can skip reading the source.</summary>
    public static WorkflowDefinition? Parsed(string hash) => ParsedBySource.GetValueOrDefault(hash);
}
