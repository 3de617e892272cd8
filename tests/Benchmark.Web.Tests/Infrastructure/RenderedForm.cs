using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Benchmark.Web.Tests.Infrastructure;

/// <summary>
/// A form as the page rendered it: its action, method and every named control with the value the page gave it.
/// A test fills fields by their visible label and chooses options by their visible text, then submits what a
/// browser would send (antiforgery token included), so a name the page does not render cannot be posted.
/// </summary>
public sealed class RenderedForm
{
    private readonly IHtmlFormElement _form;
    private readonly string _page;

    private RenderedForm(IHtmlFormElement form, string page) => (_form, _page) = (form, page);

    /// <summary>The HTML the form came from, e.g. to read a message near it.</summary>
    public IElement Element => _form;

    /// <summary>GETs <paramref name="path"/> and takes the first form that <paramref name="pick"/> accepts.</summary>
    public static async Task<RenderedForm> FromAsync(HttpClient client, string path, Func<IHtmlFormElement, bool> pick)
    {
        ArgumentNullException.ThrowIfNull(client);
        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        return From(html, path, pick);
    }

    /// <summary>The first form of <paramref name="html"/> (served at <paramref name="path"/>) that <paramref name="pick"/> accepts.</summary>
    public static RenderedForm From(string html, string path, Func<IHtmlFormElement, bool> pick)
    {
        var document = new HtmlParser().ParseDocument(html);
        var form = document.Forms.FirstOrDefault(pick)
            ?? throw new InvalidOperationException($"No such form on {path} ({document.Forms.Length} form(s) rendered)");
        return new RenderedForm(form, path);
    }

    /// <summary>Types <paramref name="value"/> into the input or text area whose label starts with <paramref name="label"/>.</summary>
    public RenderedForm Fill(string label, string value)
    {
        switch (Control(label))
        {
            case IHtmlInputElement input:
                input.Value = value;
                break;
            case IHtmlTextAreaElement area:
                area.Value = value;
                break;
            case var other:
                throw new InvalidOperationException($"« {label} » labels a {other.TagName}, not a text field");
        }

        return this;
    }

    /// <summary>Chooses, in the list labelled <paramref name="label"/>, the option whose text is <paramref name="optionText"/>.</summary>
    public RenderedForm Choose(string label, string optionText)
    {
        if (Control(label) is not IHtmlSelectElement select)
        {
            throw new InvalidOperationException($"« {label} » does not label a list");
        }

        var option = select.Options.FirstOrDefault(o => o.Text.Trim() == optionText)
            ?? throw new InvalidOperationException($"No option « {optionText} » in « {label} »: {string.Join(", ", select.Options.Select(o => o.Text.Trim()))}");
        foreach (var o in select.Options)
        {
            o.IsSelected = o == option;
        }

        return this;
    }

    /// <summary>Ticks or unticks the check box labelled <paramref name="label"/>.</summary>
    public RenderedForm Check(string label, bool on = true)
    {
        if (Control(label) is not IHtmlInputElement { Type: "checkbox" or "radio" } box)
        {
            throw new InvalidOperationException($"« {label} » does not label a check box");
        }

        box.IsChecked = on;
        return this;
    }

    /// <summary>The fields a browser would send (successful controls, in document order).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields()
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in _form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { IsDisabled: false } input when !string.IsNullOrEmpty(input.Name):
                    if (input.Type is "submit" or "button" or "reset" or "file" or "image"
                        || (input.Type is "checkbox" or "radio" && !input.IsChecked))
                    {
                        continue;
                    }

                    fields.Add(new(input.Name!, input.Type is "checkbox" or "radio" && string.IsNullOrEmpty(input.GetAttribute("value")) ? "on" : input.Value));
                    break;
                case IHtmlTextAreaElement { IsDisabled: false } area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement { IsDisabled: false } select when !string.IsNullOrEmpty(select.Name):
                    var chosen = select.Options.Where(o => o.IsSelected).ToList();
                    if (chosen.Count == 0 && !select.IsMultiple && select.Options.Length > 0)
                    {
                        chosen.Add(select.Options[0]);
                    }

                    fields.AddRange(chosen.Select(o => new KeyValuePair<string, string>(select.Name!, o.Value)));
                    break;
            }
        }

        return fields;
    }

    /// <summary>Attaches a file to the file input labelled <paramref name="label"/> (sent by <see cref="SubmitAsync"/> as multipart).</summary>
    public RenderedForm Attach(string label, string fileName, byte[] content)
    {
        if (Control(label) is not IHtmlInputElement { Type: "file" } input || string.IsNullOrEmpty(input.Name))
        {
            throw new InvalidOperationException($"« {label} » does not label a named file input");
        }

        _files[input.Name!] = (fileName, content);
        return this;
    }

    private readonly Dictionary<string, (string Name, byte[] Content)> _files = new(StringComparer.Ordinal);

    /// <summary>
    /// Posts the form to its action, as its submit button <paramref name="button"/> (by text) or its only one;
    /// <paramref name="forgedAction"/> posts it elsewhere instead, as a forged request would (access tests).
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string? button = null, string? forgedAction = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var buttons = _form.QuerySelectorAll("button, input[type=submit]")
            .Where(b => b.GetAttribute("type") is null or "submit").ToList();
        var clicked = button is null
            ? buttons.Count == 1 ? buttons[0] : throw new InvalidOperationException($"The form has {buttons.Count} submit buttons: name one")
            : buttons.FirstOrDefault(b => b.TextContent.Trim() == button || b.GetAttribute("value") == button)
                ?? throw new InvalidOperationException($"No button « {button} » in the form");
        var fields = Fields().ToList();
        if (clicked.GetAttribute("name") is { Length: > 0 } buttonName)
        {
            fields.Add(new(buttonName, clicked.GetAttribute("value") ?? ""));
        }

        var action = clicked.GetAttribute("formaction") ?? _form.GetAttribute("action");
        var target = forgedAction ?? (string.IsNullOrEmpty(action) ? _page : action);
        if (!string.Equals(_form.Method, "post", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Only POST forms are submitted here (method {_form.Method})");
        }

        if (!string.Equals(_form.Enctype, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return await client.PostAsync(new Uri(target, UriKind.Relative), new FormUrlEncodedContent(fields));
        }

        using var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            multipart.Add(new StringContent(value), name);
        }

        foreach (var (name, file) in _files)
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            multipart.Add(part, name, file.Name);
        }

        return await client.PostAsync(new Uri(target, UriKind.Relative), multipart);
    }

    private IElement Control(string label)
    {
        var labels = _form.QuerySelectorAll("label")
            .Where(l => Normalise(l.TextContent).StartsWith(label, StringComparison.Ordinal)).ToList();
        if (labels.Count != 1)
        {
            throw new InvalidOperationException($"{labels.Count} labels start with « {label} » in the form: "
                + string.Join(" | ", _form.QuerySelectorAll("label").Select(l => Normalise(l.TextContent))));
        }

        var id = labels[0].GetAttribute("for");
        return (id is null ? labels[0].QuerySelector("input, select, textarea") : _form.QuerySelector($"#{id}"))
            ?? throw new InvalidOperationException($"The label « {label} » points at no control");
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
