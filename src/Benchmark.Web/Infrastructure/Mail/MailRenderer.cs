using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;

namespace Benchmark.Web.Infrastructure.Mail;

/// <summary>A message ready to send: its subject and both bodies.</summary>
public sealed record RenderedMail(string Subject, string Html, string Text);

/// <summary>
/// Renders <c>templates/&lt;name&gt;.subject.liquid</c>, <c>.html.liquid</c> and <c>.txt.liquid</c> with Fluid, in
/// French (fr-FR, Europe/Paris). The HTML body is HTML-encoded and wrapped in <c>_layout.html.liquid</c> (which
/// prints it with <c>{{ body | raw }}</c>); the subject and the text body are not encoded. Parsed templates are cached.
/// </summary>
public sealed partial class MailRenderer(MailTemplates templates, Microsoft.Extensions.Options.IOptions<MailOptions> options)
{
    private static readonly FluidParser Parser = new();
    private static readonly TemplateOptions Options = CreateOptions();

    // French is written as is (« é », not « &#xE9; »); HTML-significant characters are still encoded.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private const int MaxCachedSubjects = 10_000;
    private readonly ConcurrentDictionary<string, IFluidTemplate> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string[]?> _names = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _subjects = new(StringComparer.Ordinal);

    /// <summary>
    /// Renders the three parts. <paramref name="subject"/>: the subject already rendered (the outbox stores it when
    /// queuing), used as is instead of rendering the subject template again.
    /// </summary>
    public async Task<RenderedMail> RenderAsync(string template, JsonObject model, string? subject = null)
    {
        // The model becomes Fluid values once, for every part.
        var values = Values(model);
        subject = string.IsNullOrWhiteSpace(subject)
            ? OneLine(await RenderPartAsync(template + ".subject.liquid", values, NullEncoder.Default, null))
            : OneLine(subject);
        var html = await RenderPartAsync(template + ".html.liquid", values, Html, null);
        if (templates.Exists("_layout.html.liquid"))
        {
            html = await RenderPartAsync("_layout.html.liquid", values, Html, ("body", html, subject));
        }

        var text = await RenderPartAsync(template + ".txt.liquid", values, NullEncoder.Default, null);
        return new RenderedMail(subject, html, text);
    }

    /// <summary>The subject on one line (line breaks and control characters become spaces).</summary>
    public async Task<string> RenderSubjectAsync(string template, JsonObject model) =>
        OneLine(await RenderPartAsync(template + ".subject.liquid", Values(model), NullEncoder.Default, null));

    /// <summary>
    /// The subject of a model whose values are all strings (a reminder's), on one line: each value becomes a Fluid
    /// string directly, without a JSON model in between (the same values as the JSON form of that model).
    /// </summary>
    /// <remarks>
    /// Subjects are cached by template and the values of the variables its source names (a template reads no other):
    /// a reminder sent to a whole team renders its subject once, not once per recipient.
    /// </remarks>
    public async Task<string> RenderSubjectAsync(string template, IReadOnlyDictionary<string, string> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var file = template + ".subject.liquid";
        var key = SubjectKey(file, model);
        if (key is not null && _subjects.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var values = new List<KeyValuePair<string, FluidValue>>(model.Count + 1);
        foreach (var (name, value) in model)
        {
            values.Add(KeyValuePair.Create<string, FluidValue>(name, new StringValue(value)));
        }

        values.Add(AppUrl());
        var subject = OneLine(await RenderPartAsync(file, values, NullEncoder.Default, null));
        if (key is not null)
        {
            if (_subjects.Count >= MaxCachedSubjects)
            {
                _subjects.Clear();
            }

            _subjects[key] = subject;
        }

        return subject;
    }

    /// <summary>
    /// The subject cache's key: the template and, for each name its source spells, the model's value (length-prefixed).
    /// Null — not cached — when the source indexes (<c>[…]</c>), which may reach a variable it does not spell.
    /// </summary>
    private string? SubjectKey(string file, IReadOnlyDictionary<string, string> model)
    {
        var names = _names.GetOrAdd(file, f => templates.Read(f) is var source && source.Contains('[', StringComparison.Ordinal) ? null
            : [.. Names().Matches(source).Select(m => m.Value).Distinct(StringComparer.Ordinal).Where(n => n != "app_url")]);
        if (names is null)
        {
            return null;
        }

        var key = new StringBuilder(file);
        foreach (var name in names)
        {
            key.Append('|');
            if (model.TryGetValue(name, out var value))
            {
                key.Append(value.Length).Append(':').Append(value);
            }
        }

        return key.ToString();
    }

    [GeneratedRegex("[A-Za-z_][A-Za-z0-9_-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Names();

    public static string OneLine(string value) =>
        string.Join(' ', new string(value.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private List<KeyValuePair<string, FluidValue>> Values(JsonObject model)
    {
        var values = model.Select(p => KeyValuePair.Create(p.Key, ToFluid(p.Value))).ToList();
        values.Add(AppUrl());
        return values;
    }

    private KeyValuePair<string, FluidValue> AppUrl() => KeyValuePair.Create<string, FluidValue>("app_url", new StringValue(options.Value.BaseUrl.ToString()));

    private async Task<string> RenderPartAsync(string file, List<KeyValuePair<string, FluidValue>> values, TextEncoder encoder, (string Name, string Body, string Subject)? layout)
    {
        var parsed = _cache.GetOrAdd(file, Parse);
        var context = new TemplateContext(Options);
        foreach (var (key, value) in values)
        {
            context.SetValue(key, value);
        }

        if (layout is { } l)
        {
            context.SetValue(l.Name, l.Body);
            context.SetValue("subject", l.Subject);
        }

        return await parsed.RenderAsync(context, encoder);
    }

    private IFluidTemplate Parse(string file)
    {
        var source = templates.Read(file);
        return Parser.TryParse(source, out var template, out var error)
            ? template
            : throw new InvalidOperationException($"templates/{file} : {error}");
    }

    private static FluidValue ToFluid(JsonNode? node) => node switch
    {
        null => NilValue.Instance,
        JsonObject o => new DictionaryValue(new FluidValueDictionaryFluidIndexable(o.ToDictionary(p => p.Key, p => ToFluid(p.Value), StringComparer.Ordinal))),
        JsonArray a => new ArrayValue(a.Select(ToFluid).ToArray()),
        JsonValue v when v.TryGetValue<string>(out var s) => new StringValue(s),
        JsonValue v when v.TryGetValue<bool>(out var b) => BooleanValue.Create(b),
        JsonValue v when v.TryGetValue<decimal>(out var d) => NumberValue.Create(d),
        _ => new StringValue(node.ToJsonString()),
    };

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions
        {
            CultureInfo = CultureInfo.GetCultureInfo("fr-FR"),
            TimeZone = Core.Scheduling.ParisTime.Zone,
        };
        return options;
    }
}

/// <summary>The <c>templates/</c> folder: next to the application or in a parent folder (the repository when run from source).</summary>
public sealed class MailTemplates(string directory)
{
    public string Directory { get; } = directory;

    public bool Exists(string file) => File.Exists(Path.Combine(Directory, file));

    public string Read(string file)
    {
        var path = Path.Combine(Directory, file);
        return File.Exists(path) ? File.ReadAllText(path) : throw new MailTemplateNotFoundException($"Modèle de message introuvable : templates/{file}");
    }

    public static string Locate(string contentRoot)
    {
        foreach (var start in new[] { contentRoot, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "templates");
                if (System.IO.Directory.Exists(candidate) && System.IO.Directory.EnumerateFiles(candidate, "*.liquid").Any())
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException($"Aucun dossier 'templates/' contenant des modèles .liquid au-dessus de {contentRoot}");
    }
}

/// <summary>A message names a template that does not exist: a permanent failure of that message.</summary>
public sealed class MailTemplateNotFoundException(string message) : Exception(message);
