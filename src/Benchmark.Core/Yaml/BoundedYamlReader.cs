using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Benchmark.Core.Yaml;

/// <summary>Limits that keep hostile input (alias bombs, deep nesting, huge files) from hanging the reader.</summary>
public sealed record YamlLimits(int MaxBytes = 1 << 20, int MaxDepth = 32, int MaxNodes = 100_000)
{
    public static YamlLimits Default { get; } = new();
}

/// <summary>Thrown for YAML that cannot be read; carries the position to report.</summary>
public sealed class YamlReadException(SourcePosition position, string message) : Exception(message)
{
    public SourcePosition Position { get; } = position;
}

/// <summary>
/// Reads one YAML document into <see cref="YamlNode"/>s from the parser's event stream, counting every node
/// (aliases count the full size of what they expand to) so that an alias bomb is refused before it is walked.
/// </summary>
public static class BoundedYamlReader
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static YamlNode? Read(string text, YamlLimits? limits = null)
    {
        limits ??= YamlLimits.Default;
        // Cheap bound first (a char is at least one byte), then the exact UTF-8 size.
        if (text.Length > limits.MaxBytes || Encoding.UTF8.GetByteCount(text) > limits.MaxBytes)
        {
            throw new YamlReadException(new(1, 1), string.Create(French,
                $"le fichier dépasse la limite de {limits.MaxBytes:N0} octets : découpez la définition ou retirez le contenu inutile"));
        }

        var parser = new Parser(new StringReader(text));
        var state = new ReaderState(parser, limits);
        try
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = state.ReadNode(0);
            parser.Consume<DocumentEnd>();
            if (!parser.TryConsume<StreamEnd>(out _))
            {
                throw new YamlReadException(Position(parser.Current!.Start),
                    "un seul document YAML est attendu par fichier : retirez le séparateur '---' et ce qui suit");
            }

            return root;
        }
        catch (YamlException ex) when (ex is not AnchorNotFoundException)
        {
            throw new YamlReadException(Position(ex.Start), "syntaxe YAML invalide : " + CleanMessage(ex.Message));
        }
        catch (AnchorNotFoundException ex)
        {
            throw new YamlReadException(Position(ex.Start), "alias YAML vers une ancre non déclarée : " + CleanMessage(ex.Message));
        }
    }

    internal static SourcePosition Position(Mark mark) => new((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private static string CleanMessage(string message)
    {
        // YamlDotNet prefixes "(Line: x, Col: y, Idx: z) - (Line: ...): "; we report the position ourselves.
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message[(cut + 3)..] : message;
    }

    private sealed class ReaderState(IParser parser, YamlLimits limits)
    {
        private readonly Dictionary<string, (YamlNode Node, int Size)> _anchors = new(StringComparer.Ordinal);
        private int _nodes;

        public YamlNode ReadNode(int depth)
        {
            var start = parser.Current ?? throw new YamlReadException(new(1, 1), "fin de fichier inattendue");
            var position = Position(start.Start);
            if (depth > limits.MaxDepth)
            {
                throw new YamlReadException(position,
                    $"imbrication trop profonde (plus de {limits.MaxDepth} niveaux) : simplifiez la structure");
            }

            var before = _nodes;
            Count(position, 1);
            YamlNode node;
            string? anchor;
            switch (start)
            {
                case AnchorAlias alias:
                    parser.MoveNext();
                    var name = alias.Value.ToString();
                    if (!_anchors.TryGetValue(name, out var target))
                    {
                        throw new YamlReadException(position, $"alias '*{name}' vers une ancre non déclarée");
                    }

                    Count(position, target.Size);
                    return target.Node;
                case Scalar scalar:
                    parser.MoveNext();
                    node = new YamlScalar(position, scalar.Value, scalar.Style == ScalarStyle.Plain);
                    anchor = AnchorOf(scalar.Anchor);
                    break;
                case SequenceStart sequenceStart:
                    parser.MoveNext();
                    var items = new List<YamlNode>();
                    while (!parser.TryConsume<SequenceEnd>(out _))
                    {
                        items.Add(ReadNode(depth + 1));
                    }

                    node = new YamlSequence(position, items);
                    anchor = AnchorOf(sequenceStart.Anchor);
                    break;
                case MappingStart mappingStart:
                    parser.MoveNext();
                    var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
                    while (!parser.TryConsume<MappingEnd>(out _))
                    {
                        var key = ReadNode(depth + 1) as YamlScalar
                            ?? throw new YamlReadException(position, "les clés d'un objet doivent être du texte simple");
                        entries.Add(new(key, ReadNode(depth + 1)));
                    }

                    node = new YamlMapping(position, entries);
                    anchor = AnchorOf(mappingStart.Anchor);
                    break;
                default:
                    throw new YamlReadException(position, $"élément YAML inattendu ({start.GetType().Name})");
            }

            if (anchor is not null)
            {
                _anchors[anchor] = (node, _nodes - before);
            }

            return node;
        }

        private static string? AnchorOf(YamlDotNet.Core.AnchorName name) => name.IsEmpty ? null : name.Value;

        private void Count(SourcePosition position, int size)
        {
            _nodes += size;
            if (_nodes > limits.MaxNodes)
            {
                throw new YamlReadException(position, string.Create(French,
                    $"le document dépasse {limits.MaxNodes:N0} nœuds une fois les alias développés (bombe d'alias ?) : supprimez les alias imbriqués"));
            }
        }
    }
}
