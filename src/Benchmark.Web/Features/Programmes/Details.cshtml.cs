using System.Globalization;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Scheduling;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Features.Waves;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Programmes;

/// <summary>
/// One version of a programme: its YAML source, a summary, and its calendar resolved for anchors entered in a GET
/// form (default: next Monday for every anchor) — a programme manager's what-if, like the <c>schedule</c> verb.
/// </summary>
public sealed class DetailsModel(ProgrammeScope programmes, AccessScope scope, TimeProvider clock) : PageModel
{
    public ProgrammeDefinition Stored { get; private set; } = null!;

    public WorkflowDefinition Definition { get; private set; } = null!;

    public int WaveCount { get; private set; }

    /// <summary>Anchors as typed (yyyy-MM-dd), keyed by anchor id: <c>?Anchors[J]=2027-01-04</c>.</summary>
    [BindProperty(SupportsGet = true)]
    public Dictionary<string, string> Anchors { get; set; } = [];

    public Dictionary<string, string> AnchorErrors { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<PhaseCalendar> Calendar { get; private set; } = [];

    public IReadOnlyList<string> CalendarErrors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid definitionId, CancellationToken cancellationToken)
    {
        var stored = ArsEditing.CanRead(scope.User) ? await programmes.Definitions().AsNoTracking().SingleOrDefaultAsync(d => d.Id == definitionId, cancellationToken) : null;
        if (stored is null)
        {
            return NotFound();
        }

        Stored = stored;
        Definition = stored.Parse();
        WaveCount = await scope.Waves().CountAsync(w => w.DefinitionId == definitionId, cancellationToken);
        var nextMonday = NextMonday(ParisTime.Today(clock));
        var dates = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var anchor in Definition.Anchors)
        {
            if (!Anchors.TryGetValue(anchor.Id, out var typed) || string.IsNullOrWhiteSpace(typed))
            {
                Anchors[anchor.Id] = nextMonday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                dates[anchor.Id] = nextMonday;
            }
            else if (DateOnly.TryParseExact(typed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                dates[anchor.Id] = date;
            }
            else
            {
                AnchorErrors[anchor.Id] = $"La date « {anchor.Title} » n'est pas valide : saisissez-la au format JJ/MM/AAAA.";
            }
        }

        if (AnchorErrors.Count == 0)
        {
            var errors = ScheduleResolver.TryResolve(Definition, dates, out var calendar);
            CalendarErrors = [.. errors.Select(e => e.Message)];
            Calendar = calendar is null ? [] : CalendarLines.ByPhase(calendar);
        }

        return Page();
    }

    private static DateOnly NextMonday(DateOnly today)
    {
        var days = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(days == 0 ? 7 : days);
    }
}
