using System.Globalization;
using Benchmark.Core.Domain;
using Benchmark.Core.Scheduling;
using Microsoft.AspNetCore.Html;

namespace Benchmark.Web.Features.Dashboard;

/// <summary>How dates and states read on screen: Paris time, fr-FR, machine-readable dates in &lt;time datetime&gt;.</summary>
public static class Display
{
    public static CultureInfo French { get; } = CultureInfo.GetCultureInfo("fr-FR");

    public static IHtmlContent Time(DateOnly date) =>
        TimeElement(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), date.ToString("d MMMM yyyy", French));

    /// <summary>An instant as Paris wall-clock time.</summary>
    public static IHtmlContent Time(DateTimeOffset instant)
    {
        var paris = ParisTime.ToParis(instant);
        return TimeElement(paris.ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture), paris.ToString("ddd d MMMM yyyy 'à' HH'h'mm", French));
    }

    public static IHtmlContent Time(DateOnly? date) => date is { } d ? Time(d) : new HtmlString("—");

    public static IHtmlContent Time(DateTimeOffset? instant) => instant is { } i ? Time(i) : new HtmlString("—");

    public static string Percent(decimal? percent) => percent is { } p ? p.ToString("0", French) + " %" : "—";

    public static (string Text, string Css) Badge(PhaseStatus status) => status switch
    {
        PhaseStatus.Pending => ("À venir", ""),
        PhaseStatus.Open => ("En cours", "fr-badge--info"),
        PhaseStatus.Closed => ("Terminée", "fr-badge--success"),
    };

    public static (string Text, string Css) Badge(DeliverableStatus status) => status switch
    {
        DeliverableStatus.Draft => ("À déposer", ""),
        DeliverableStatus.Submitted => ("En attente de validation", "fr-badge--new"),
        DeliverableStatus.ChangesRequested => ("Modifications demandées", "fr-badge--warning"),
        DeliverableStatus.Approved => ("Validé", "fr-badge--success"),
    };

    /// <summary>The badge of a deliverable; « Déposé » for one nobody approves (the deposit is enough).</summary>
    public static (string Text, string Css) Badge(DeliverableStatus status, bool needsApproval) =>
        !needsApproval && status == DeliverableStatus.Approved ? ("Déposé", "fr-badge--success") : Badge(status);

    public static (string Text, string Css) Badge(SessionStatus status) => status switch
    {
        SessionStatus.Planned => ("Prévue", ""),
        SessionStatus.Scheduled => ("Programmée", "fr-badge--info"),
        SessionStatus.Held => ("Tenue", "fr-badge--success"),
        SessionStatus.Cancelled => ("Annulée", "fr-badge--error"),
    };

    public static string Kind(Core.Definitions.SessionKind kind) => kind switch
    {
        Core.Definitions.SessionKind.Collective => "Session collective",
        Core.Definitions.SessionKind.Individual => "Session individuelle",
        Core.Definitions.SessionKind.Internal => "Réunion interne",
    };

    // The machine-readable value is built from digits and separators only: written as is, the '+' stays readable.
    private static IHtmlContent TimeElement(string iso, string text) =>
        new HtmlContentBuilder().AppendHtml("<time datetime=\"").AppendHtml(iso).AppendHtml("\">").Append(text).AppendHtml("</time>");
}
