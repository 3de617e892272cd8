using System.Globalization;
using Benchmark.Core.Yaml;

namespace Benchmark.Core.Definitions;

/// <summary>Typed access to YAML nodes that records every problem with its position instead of stopping at the first.</summary>
internal sealed class NodeReader(string file)
{
    private readonly List<DefinitionError> _errors = [];

    public IReadOnlyList<DefinitionError> Errors => _errors;

    public void Error(SourcePosition position, string message) => _errors.Add(new DefinitionError(file, position, message));

    /// <summary>A mapping with only the given keys; unknown keys are reported with the closest known one.</summary>
    public Fields? Mapping(YamlNode? node, string what, params string[] keys)
    {
        if (node is not YamlMapping mapping)
        {
            if (node is not null)
            {
                Error(node.Position, $"{what} : un objet (clé: valeur) est attendu");
            }

            return null;
        }

        var seen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Entries)
        {
            if (!keys.Contains(key.Value))
            {
                var hint = Closest(key.Value, keys);
                Error(key.Position, $"clé inconnue '{key.Value}' dans {what}" +
                    (hint is null ? $" (clés admises : {string.Join(", ", keys)})" : $" : vouliez-vous dire '{hint}' ?"));
            }
            else if (!seen.TryAdd(key.Value, value))
            {
                Error(key.Position, $"clé '{key.Value}' répétée dans {what} : gardez-en une seule");
            }
        }

        return new Fields(this, mapping, seen, what);
    }

    public IReadOnlyList<YamlNode> Sequence(YamlNode? node, string what)
    {
        switch (node)
        {
            case null:
                return [];
            case YamlSequence sequence:
                return sequence.Items;
            default:
                Error(node.Position, $"{what} : une liste est attendue (éléments précédés de '- ')");
                return [];
        }
    }

    public string? Scalar(YamlNode? node, string what)
    {
        switch (node)
        {
            case null:
                return null;
            case YamlScalar scalar when !(scalar.Plain && scalar.Value is "" or "~" or "null"):
                return scalar.Value;
            case YamlScalar scalar:
                Error(scalar.Position, $"{what} est vide : donnez une valeur");
                return null;
            default:
                Error(node.Position, $"{what} : une valeur simple est attendue, pas une liste ni un objet");
                return null;
        }
    }

    private static string? Closest(string key, IEnumerable<string> keys) =>
        keys.Select(k => (k, d: Distance(key, k))).Where(x => x.d <= Math.Max(2, key.Length / 3)).OrderBy(x => x.d).Select(x => x.k).FirstOrDefault();

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    /// <summary>The fields of one mapping.</summary>
    internal sealed class Fields(NodeReader reader, YamlMapping mapping, Dictionary<string, YamlNode> values, string what)
    {
        public SourcePosition Position => mapping.Position;

        public string What => what;

        public YamlNode? Node(string key) => values.GetValueOrDefault(key);

        public SourcePosition PositionOf(string key) => values.TryGetValue(key, out var node) ? node.Position : mapping.Position;

        public string? String(string key, bool required = false)
        {
            var value = reader.Scalar(Node(key), $"'{key}' de {what}");
            if (value is null && required && !values.ContainsKey(key))
            {
                reader.Error(mapping.Position, $"{what} : '{key}' est obligatoire");
            }

            return value;
        }

        public string RequiredString(string key) => String(key, required: true) ?? "";

        public int? Int(string key, bool required = false)
        {
            var text = String(key, required);
            if (text is null)
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            reader.Error(PositionOf(key), $"'{key}' de {what} doit être un nombre entier (lu : '{text}')");
            return null;
        }

        public decimal? Decimal(string key)
        {
            var text = String(key);
            if (text is null)
            {
                return null;
            }

            if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            reader.Error(PositionOf(key), $"'{key}' de {what} doit être un nombre, avec un point décimal (lu : '{text}')");
            return null;
        }

        public bool Bool(string key)
        {
            var text = String(key);
            switch (text)
            {
                case null or "false":
                    return false;
                case "true":
                    return true;
                default:
                    reader.Error(PositionOf(key), $"'{key}' de {what} vaut true ou false (lu : '{text}')");
                    return false;
            }
        }

        public T? Enum<T>(string key, IReadOnlyDictionary<string, T> names, bool required = true)
            where T : struct
        {
            var text = String(key, required);
            if (text is null)
            {
                return null;
            }

            if (names.TryGetValue(text, out var value))
            {
                return value;
            }

            reader.Error(PositionOf(key), $"'{key}' de {what} : valeur '{text}' inconnue (valeurs admises : {string.Join(", ", names.Keys)})");
            return null;
        }

        public IReadOnlyList<YamlNode> List(string key, bool required = false)
        {
            if (required && !values.ContainsKey(key))
            {
                reader.Error(mapping.Position, $"{what} : '{key}' est obligatoire");
            }

            return reader.Sequence(Node(key), $"'{key}' de {what}");
        }

        /// <summary>A list of identifiers with the position of each, for reference checks.</summary>
        public IReadOnlyList<(string Id, SourcePosition Position)> Ids(string key, bool required = false) =>
            List(key, required)
                .Select(n => (Id: reader.Scalar(n, $"élément de '{key}' de {what}"), n.Position))
                .Where(x => x.Id is not null)
                .Select(x => (x.Id!, x.Position))
                .ToList();
    }
}
