using System.Globalization;
using System.Text.RegularExpressions;
using Benchmark.Core.Formulas;
using Benchmark.Core.Scheduling;
using Benchmark.Core.Yaml;

namespace Benchmark.Core.Definitions;

/// <summary>
/// Reads a definition file into a <see cref="WorkflowDefinition"/> and reports every problem it finds with file,
/// line and column: YAML syntax, unknown keys, missing fields, bad values, then (in <see cref="DefinitionValidator"/>)
/// duplicates, dangling references, date cycles and formulas over unknown inputs.
/// </summary>
public static partial class DefinitionLoader
{
    public static LoadResult LoadFile(string path, string? displayName = null)
    {
        var name = displayName ?? path;
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return new LoadResult(null, [new DefinitionError(name, new(1, 1), "fichier introuvable : vérifiez le chemin")]);
        }

        if (info.Length > YamlLimits.Default.MaxBytes)
        {
            return new LoadResult(null, [new DefinitionError(name, new(1, 1),
                string.Create(CultureInfo.GetCultureInfo("fr-FR"), $"le fichier fait {info.Length:N0} octets, au-delà de la limite de {YamlLimits.Default.MaxBytes:N0} : une définition tient en moins de 1 Mio"))]);
        }

        return Load(File.ReadAllText(path), name);
    }

    public static LoadResult Load(string text, string file)
    {
        YamlNode? root;
        try
        {
            root = BoundedYamlReader.Read(text);
        }
        catch (YamlReadException ex)
        {
            return new LoadResult(null, [new DefinitionError(file, ex.Position, ex.Message)]);
        }

        if (root is null)
        {
            return new LoadResult(null, [new DefinitionError(file, new(1, 1), "fichier vide : une définition commence par 'id:', 'version:' et 'title:'")]);
        }

        var reader = new NodeReader(file);
        var context = new LoadContext(reader);
        var definition = ReadDefinition(context, root);
        if (definition is not null)
        {
            // Dates are only resolved when all of them could be read: placeholders would add noise.
            DefinitionValidator.Validate(definition, context, resolveDates: !context.DatesIncomplete);
        }

        var errors = reader.Errors.OrderBy(e => e.Position.Line).ThenBy(e => e.Position.Column).ToList();
        return new LoadResult(errors.Count == 0 ? definition : null, errors);
    }

    private static WorkflowDefinition? ReadDefinition(LoadContext c, YamlNode root)
    {
        var f = c.Reader.Mapping(root, "la définition",
            "id", "version", "title", "source", "summary", "holidays", "anchors", "roles", "group_size", "axes", "phases", "grids", "indicators", "reminders");
        if (f is null)
        {
            return null;
        }

        var id = c.Id(f, "id");
        var version = f.Int("version", required: true);
        if (version is < 1)
        {
            c.Reader.Error(f.PositionOf("version"), "'version' doit valoir 1 ou plus");
        }

        if (id.Length > 0 && !ProgrammeIdRegex().IsMatch(id))
        {
            c.Reader.Error(f.PositionOf("id"), $"id de programme '{id}' invalide : minuscules, chiffres et tirets (ex. 'gestion-flux-patients')");
        }

        var groupSize = GroupSize.Default;
        if (c.Reader.Mapping(f.Node("group_size"), "group_size", "min", "max") is { } g)
        {
            groupSize = new GroupSize(g.Int("min", true) ?? 4, g.Int("max", true) ?? 6);
            if (groupSize.Min < 1 || groupSize.Max < groupSize.Min)
            {
                c.Reader.Error(g.Position, "group_size : il faut 1 ≤ min ≤ max");
            }
        }

        var anchors = c.Each(f.List("anchors", required: true), "une ancre", (a, _) => new AnchorDefinition(c.Id(a, "id"), a.RequiredString("title")), "id", "title");
        if (f.Node("anchors") is not null && anchors.Count == 0)
        {
            c.Reader.Error(f.PositionOf("anchors"), "au moins une ancre est nécessaire (ex. '- { id: J, title: Notification }')");
        }

        var phases = c.Each(f.List("phases", required: true), "une phase", (p, _) => PhaseReader.Read(c, p),
            "id", "title", "description", "start", "due", "gate", "milestones", "sessions", "checklist", "deliverables");
        if (f.Node("phases") is not null && phases.Count == 0)
        {
            c.Reader.Error(f.PositionOf("phases"), "au moins une phase est nécessaire : un programme se déroule en phases");
        }

        return new WorkflowDefinition(
            id,
            version ?? 0,
            f.RequiredString("title"),
            f.String("source"),
            f.String("summary"),
            anchors,
            c.Each(f.List("roles", required: true), "un rôle", (r, _) => new RoleDefinition(
                c.Id(r, "id"), r.RequiredString("title"), r.Enum("side", Vocabulary.Sides) ?? RoleSide.Establishment, r.Bool("optional")),
                "id", "title", "side", "optional"),
            groupSize,
            c.Each(f.List("axes"), "un axe", (a, _) => new AxisDefinition(c.Id(a, "id"), a.RequiredString("title"),
                c.Each(a.List("actions", required: true), "une action", (x, _) => new ActionDefinition(c.Id(x, "id"), x.RequiredString("title"), x.String("description")),
                    "id", "title", "description")), "id", "title", "actions"),
            phases,
            c.Each(f.List("grids"), "une grille", (g, _) => IndicatorReader.ReadGrid(c, g), "id", "title", "description", "columns"),
            c.Each(f.List("indicators"), "un indicateur", (i, _) => IndicatorReader.Read(c, i),
                "id", "title", "category", "unit", "period", "direction", "min", "max", "inputs", "formula", "checks", "description", "source"),
            c.Each(f.List("reminders"), "un rappel", (r, _) => ReadReminder(c, r),
                "id", "trigger", "offset", "time", "audience", "when", "kinds", "template"))
        {
            Holidays = f.Enum("holidays", Vocabulary.HolidayRegions, required: false) ?? HolidayRegion.France,
        };
    }

    private static ReminderDefinition ReadReminder(LoadContext c, NodeReader.Fields r)
    {
        var kinds = r.Ids("kinds").Select(k => Vocabulary.SessionKinds.TryGetValue(k.Id, out var kind)
            ? kind
            : c.Invalid<SessionKind>(k.Position, $"type de séance '{k.Id}' inconnu (admis : {string.Join(", ", Vocabulary.SessionKinds.Keys)})")).ToList();
        var audience = r.Ids("audience", required: true);
        c.RoleRefs(audience.Where(a => a.Id != Vocabulary.OwnerAudience), "audience du rappel");
        var reminder = new ReminderDefinition(
            c.Id(r, "id"),
            r.Enum("trigger", Vocabulary.Triggers) ?? ReminderTrigger.SessionStart,
            c.OffsetOf(r, "offset") ?? Offset.Zero,
            c.TimeOf(r, "time", new TimeOnly(8, 0)),
            audience.Select(a => a.Id).ToList(),
            r.Enum("when", Vocabulary.Conditions, required: false) ?? ReminderCondition.Pending,
            kinds,
            r.RequiredString("template"));
        if (kinds.Count > 0 && reminder.On is not (ReminderTrigger.SessionStart or ReminderTrigger.SessionReportDue))
        {
            c.Reader.Error(r.PositionOf("kinds"), "'kinds' ne s'applique qu'aux rappels de séance (trigger: session.start ou session.report-due)");
        }

        if (!TemplateNameRegex().IsMatch(reminder.Template) && reminder.Template.Length > 0)
        {
            c.Reader.Error(r.PositionOf("template"), $"nom de modèle '{reminder.Template}' invalide : minuscules, chiffres et tirets");
        }

        return reminder;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ProgrammeIdRegex();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    internal static partial Regex TemplateNameRegex();

    internal static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    internal static bool TryFormula(LoadContext c, SourcePosition position, string text, out Formula? formula)
    {
        if (FormulaParser.TryParse(text, out formula, out var error))
        {
            return true;
        }

        c.Reader.Error(position, $"formule '{text}' : {error!.Message} (caractère {error.Index + 1})");
        return false;
    }
}
