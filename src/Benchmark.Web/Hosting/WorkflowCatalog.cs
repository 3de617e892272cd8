using Benchmark.Core.Definitions;

namespace Benchmark.Web.Hosting;

/// <summary>
/// The programme definitions of <c>workflows/</c>, read and validated once at start: a broken file stops the
/// application with the same file:line:column messages as the <c>validate</c> verb.
/// </summary>
public sealed class WorkflowCatalog
{
    private readonly Dictionary<string, (WorkflowDefinition Definition, string Source, string File)> _byKey = new(StringComparer.Ordinal);

    public WorkflowCatalog(string directory)
    {
        Directory = directory;
        var errors = new List<DefinitionError>();
        foreach (var file in System.IO.Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var source = File.ReadAllText(file);
            var result = DefinitionLoader.Load(source, Path.GetRelativePath(Environment.CurrentDirectory, file));
            if (!result.IsValid)
            {
                errors.AddRange(result.Errors);
                continue;
            }

            var d = result.Definition!;
            if (!_byKey.TryAdd(Key(d.Id, d.Version), (d, source, file)))
            {
                errors.Add(new DefinitionError(file, new(1, 1), $"'{d.Id}' version {d.Version} est déjà définie par {_byKey[Key(d.Id, d.Version)].File}"));
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Définitions invalides dans " + directory + ":" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        }
    }

    public string Directory { get; }

    public IEnumerable<(WorkflowDefinition Definition, string Source, string File)> All => _byKey.Values.OrderBy(x => x.Definition.Id, StringComparer.Ordinal).ThenBy(x => x.Definition.Version);

    public WorkflowDefinition? Find(string id, int version) => _byKey.TryGetValue(Key(id, version), out var entry) ? entry.Definition : null;

    /// <summary>Finds <c>workflows/</c> next to the application or in a parent folder (the repository when run from source).</summary>
    public static string Locate(string contentRoot)
    {
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "workflows");
            if (System.IO.Directory.Exists(candidate) && System.IO.Directory.EnumerateFiles(candidate, "*.yaml").Any())
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"Aucun dossier 'workflows/' contenant des définitions au-dessus de {contentRoot}");
    }

    private static string Key(string id, int version) => $"{id}@{version}";
}
