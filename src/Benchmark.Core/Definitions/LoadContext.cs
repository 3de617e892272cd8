using System.Globalization;
using System.Text.RegularExpressions;
using Benchmark.Core.Scheduling;
using Benchmark.Core.Yaml;

namespace Benchmark.Core.Definitions;

/// <summary>Kinds of declared things, for duplicate and reference checks.</summary>
internal enum IdKind
{
    Role,
    Phase,
    Session,
    Milestone,
    Checklist,
    Deliverable,
    Axis,
    Action,
    Grid,
    Indicator,
    Reminder,
}

/// <summary>State shared while reading one file: positions of ids, references and date expressions.</summary>
internal sealed partial class LoadContext(NodeReader reader)
{
    public NodeReader Reader { get; } = reader;

    public List<(IdKind Kind, string Id, SourcePosition Position, string Context)> References { get; } = [];

    public Dictionary<object, SourcePosition> Positions { get; } = new(ReferenceEqualityComparer.Instance);

    public string Id(NodeReader.Fields fields, string key)
    {
        var id = fields.RequiredString(key);
        if (id.Length > 0 && !IdRegex().IsMatch(id))
        {
            Reader.Error(fields.PositionOf(key), $"identifiant '{id}' invalide : lettres, chiffres, '-', '_' ou '*' seulement, sans espace");
        }

        return id;
    }

    public List<T> Each<T>(IReadOnlyList<YamlNode> nodes, string what, Func<NodeReader.Fields, int, T?> read, params string[] keys)
        where T : class
    {
        var items = new List<T>();
        for (var i = 0; i < nodes.Count; i++)
        {
            if (Reader.Mapping(nodes[i], what, keys) is { } fields && read(fields, i) is { } item)
            {
                Positions[item] = fields.Position;
                items.Add(item);
            }
        }

        return items;
    }

    public void RoleRefs(IEnumerable<(string Id, SourcePosition Position)> ids, string context)
    {
        foreach (var (id, position) in ids)
        {
            References.Add((IdKind.Role, id, position, context));
        }
    }

    public string RoleRef(NodeReader.Fields fields, string key, string context, bool required = true)
    {
        var id = fields.String(key, required);
        if (id is not null)
        {
            References.Add((IdKind.Role, id, fields.PositionOf(key), context));
        }

        return id ?? "";
    }

    public string? Ref(NodeReader.Fields fields, string key, IdKind kind, string context)
    {
        var id = fields.String(key);
        if (id is not null)
        {
            References.Add((kind, id, fields.PositionOf(key), context));
        }

        return id;
    }

    /// <summary>True when a date is missing or unreadable: the calendar cannot be resolved then.</summary>
    public bool DatesIncomplete { get; private set; }

    public DateExpression? DateOf(NodeReader.Fields fields, string key, bool required)
    {
        var text = fields.String(key, required);
        if (text is null)
        {
            DatesIncomplete |= required;
            return null;
        }

        if (!DateExpression.TryParse(text, out var expression, out var error))
        {
            Reader.Error(fields.PositionOf(key), error!);
            DatesIncomplete = true;
            return null;
        }

        Positions[expression!] = fields.PositionOf(key);
        return expression;
    }

    public Offset? OffsetOf(NodeReader.Fields fields, string key)
    {
        var text = fields.String(key, required: true);
        if (text is null)
        {
            return null;
        }

        if (Offset.TryParse(text, out var offset, out var error))
        {
            return offset;
        }

        Reader.Error(fields.PositionOf(key), $"'{key}' : {error}");
        return null;
    }

    public TimeOnly TimeOf(NodeReader.Fields fields, string key, TimeOnly fallback)
    {
        var text = fields.String(key);
        if (text is null)
        {
            return fallback;
        }

        if (TryTime(text, out var time))
        {
            return time;
        }

        Reader.Error(fields.PositionOf(key), $"heure '{text}' illisible : attendu HH:MM, par exemple 09:30");
        return fallback;
    }

    public static bool TryTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "H:mm", "HH'h'mm", "H'h'mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    public T Invalid<T>(SourcePosition position, string message)
        where T : struct
    {
        Reader.Error(position, message);
        return default;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_*][A-Za-z0-9_*\-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdRegex();
}
