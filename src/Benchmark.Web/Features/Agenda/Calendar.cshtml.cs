using System.Globalization;
using Benchmark.Core.Scheduling;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Benchmark.Web.Features.Agenda;

/// <summary>
/// The calendar of sessions, in the viewer's scope: a month (weeks of Monday to Sunday, non-working days named), a week,
/// or a list; filters by wave, group, consultant and establishment; a session overlapping another of the same consultant
/// is marked « conflit ». Plain links and tables: keyboard and screen reader need nothing more.
/// </summary>
public sealed class CalendarModel(CalendarQuery query, TimeProvider clock) : PageModel
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    [BindProperty(SupportsGet = true, Name = "vue")]
    public string? View { get; set; }

    [BindProperty(SupportsGet = true, Name = "date")]
    public string? Date { get; set; }

    [BindProperty(SupportsGet = true, Name = "vague")]
    public Guid? Wave { get; set; }

    [BindProperty(SupportsGet = true, Name = "groupe")]
    public Guid? Group { get; set; }

    [BindProperty(SupportsGet = true, Name = "consultant")]
    public Guid? Consultant { get; set; }

    [BindProperty(SupportsGet = true, Name = "etablissement")]
    public Guid? Establishment { get; set; }

    public CalendarView Calendar { get; private set; } = new([], [], [], [], []);

    public DateOnly Today { get; private set; }

    /// <summary>The day the view is about (its month or week).</summary>
    public DateOnly Focus { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public string Mode => View is "semaine" or "liste" ? View : "mois";

    public WorkingCalendar Working { get; } = WorkingCalendar.France;

    public string Title => Mode switch
    {
        "semaine" => $"Semaine du {From.ToString("d MMMM yyyy", French)}",
        _ => Capitalised(Focus.ToString("MMMM yyyy", French)),
    };

    public DateOnly Previous => Mode == "semaine" ? Focus.AddDays(-7) : Focus.AddMonths(-1);

    public DateOnly Next => Mode == "semaine" ? Focus.AddDays(7) : Focus.AddMonths(1);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = ParisTime.Today(clock);
        Focus = DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : Today;
        if (Mode == "semaine")
        {
            From = Focus.AddDays(-(((int)Focus.DayOfWeek + 6) % 7));
            To = From.AddDays(6);
        }
        else
        {
            var first = new DateOnly(Focus.Year, Focus.Month, 1);
            From = Mode == "liste" ? first : first.AddDays(-(((int)first.DayOfWeek + 6) % 7));
            var last = first.AddMonths(1).AddDays(-1);
            To = Mode == "liste" ? last : last.AddDays((7 - (int)last.DayOfWeek) % 7);
        }

        Calendar = await query.RunAsync(From, To, new CalendarFilter(Wave, Group, Consultant, Establishment), cancellationToken);
    }

    /// <summary>This view's address for another day or mode, keeping the filters.</summary>
    public string Link(DateOnly date, string? mode = null)
    {
        var parts = new List<string> { $"vue={mode ?? Mode}", $"date={date:yyyy-MM-dd}" };
        void Add(string name, Guid? value)
        {
            if (value is { } v)
            {
                parts.Add($"{name}={v}");
            }
        }

        Add("vague", Wave);
        Add("groupe", Group);
        Add("consultant", Consultant);
        Add("etablissement", Establishment);
        return "/calendrier?" + string.Join('&', parts);
    }

    public static string Day(DateOnly day) => day.ToString("ddd dd/MM/yyyy", French);

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpper(text[0], French) + text[1..];
}
