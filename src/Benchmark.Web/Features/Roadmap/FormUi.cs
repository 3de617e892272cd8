using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Benchmark.Web.Features.Roadmap;

/// <summary>A select option: value and French text.</summary>
public sealed record Option(string Value, string Text);

/// <summary>
/// DSFR form fields of the structured editors, with their error state (<c>fr-input-group--error</c> + <c>fr-error-text</c>
/// tied by <c>aria-describedby</c>). Values are HTML-encoded here; ids derive from the field key (errors are keyed
/// like <c>Actions[0].Due</c>; the input is named with <paramref name="namePrefix"/> before it, e.g. <c>Form.</c>).
/// </summary>
public sealed class FormUi(IReadOnlyDictionary<string, string> errors, string namePrefix = "")
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    public string? ErrorOf(string name) => errors.GetValueOrDefault(name);

    public static string IdOf(string name) => "f-" + new string([.. name.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')]).Trim('-');

    public IHtmlContent Input(string name, string label, string? value, string type = "text", string? hint = null, string? extra = null) =>
        Group(name, label, hint, (id, described) =>
            $"<input class=\"fr-input\" type=\"{type}\" id=\"{id}\" name=\"{Html.Encode(namePrefix + name)}\" value=\"{Html.Encode(value ?? "")}\"{described}{(extra is null ? "" : " " + extra)}>");

    public IHtmlContent TextArea(string name, string label, string? value, int rows = 3, string? hint = null) =>
        Group(name, label, hint, (id, described) =>
            $"<textarea class=\"fr-input\" id=\"{id}\" name=\"{Html.Encode(namePrefix + name)}\" rows=\"{rows}\"{described}>{Html.Encode(value ?? "")}</textarea>");

    public IHtmlContent Select(string name, string label, string? value, IEnumerable<Option> options, string? placeholder = null, string? hint = null) =>
        Group(name, label, hint, (id, described) =>
        {
            var items = (placeholder is null ? "" : $"<option value=\"\"{(string.IsNullOrEmpty(value) ? " selected" : "")}>{Html.Encode(placeholder)}</option>")
                + string.Concat(options.Select(o => $"<option value=\"{Html.Encode(o.Value)}\"{(o.Value == value ? " selected" : "")}>{Html.Encode(o.Text)}</option>"));
            return $"<select class=\"fr-select\" id=\"{id}\" name=\"{Html.Encode(namePrefix + name)}\"{described}>{items}</select>";
        }, "fr-select-group");

    public string NameOf(string key) => namePrefix + key;

    public IHtmlContent Checkbox(string name, string label)
    {
        var id = IdOf(name);
        return new HtmlString(
            $"<div class=\"fr-checkbox-group fr-checkbox-group--sm\"><input type=\"checkbox\" id=\"{id}\" name=\"{Html.Encode(namePrefix + name)}\" value=\"true\"><label class=\"fr-label\" for=\"{id}\">{Html.Encode(label)}</label></div>");
    }

    private HtmlString Group(string name, string label, string? hint, Func<string, string, string> control, string css = "fr-input-group")
    {
        var id = IdOf(name);
        var error = ErrorOf(name);
        var described = error is null ? "" : $" aria-describedby=\"{id}-erreur\"";
        var hintHtml = hint is null ? "" : $" <span class=\"fr-hint-text\">{Html.Encode(hint)}</span>";
        var errorHtml = error is null ? "" : $"<p class=\"fr-error-text\" id=\"{id}-erreur\">{Html.Encode(error)}</p>";
        return new HtmlString(
            $"<div class=\"{css}{(error is null ? "" : $" {css}--error")}\"><label class=\"fr-label\" for=\"{id}\">{Html.Encode(label)}{hintHtml}</label>{control(id, described)}{errorHtml}</div>");
    }
}
