using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Dashboard;

/// <summary>
/// Parsed definitions and resolved calendars, once per request: parsing YAML per row would dominate a dashboard.
/// Callers pass waves they read through the access scope; a definition is programme data, not someone's enrolment.
/// </summary>
public sealed class ProgrammeCalendars(BenchmarkDbContext db)
{
    private readonly Dictionary<Guid, WorkflowDefinition> _definitions = [];
    private readonly Dictionary<Guid, WaveProgramme> _waves = [];

    /// <summary>The programme of each wave, keyed by wave id (one query for the definitions not parsed yet).</summary>
    public async Task<IReadOnlyDictionary<Guid, WaveProgramme>> ForAsync(IEnumerable<Wave> waves, CancellationToken cancellationToken)
    {
        var list = waves.ToList();
        var missing = list.Select(w => w.DefinitionId).Where(id => !_definitions.ContainsKey(id)).Distinct().ToList();
        if (missing.Count > 0)
        {
            var stored = await db.ProgrammeDefinitions.AsNoTracking().Where(d => missing.Contains(d.Id)).ToListAsync(cancellationToken);
            foreach (var definition in stored)
            {
                _definitions[definition.Id] = definition.Parse();
            }
        }

        foreach (var wave in list.Where(w => !_waves.ContainsKey(w.Id)))
        {
            _waves[wave.Id] = new WaveProgramme(wave, _definitions[wave.DefinitionId]);
        }

        return list.ToDictionary(w => w.Id, w => _waves[w.Id]);
    }
}

/// <summary>A wave with its definition and calendar (null when the anchors do not resolve every date).</summary>
public sealed class WaveProgramme
{
    private readonly Dictionary<string, DateOnly> _checklistDue;
    private readonly Dictionary<string, DateOnly> _deliverableDue;

    public WaveProgramme(Wave wave, WorkflowDefinition definition)
    {
        (Wave, Definition) = (wave, definition);
        var resolved = ScheduleResolver.Resolve(definition, wave.AnchorDates);
        Calendar = resolved.IsSuccess ? resolved.Value : null;
        _checklistDue = Calendar?.Checklist.ToDictionary(c => c.Definition.Id, c => c.Due, StringComparer.Ordinal) ?? [];
        _deliverableDue = Calendar?.Deliverables.ToDictionary(d => d.Definition.Id, d => d.Due, StringComparer.Ordinal) ?? [];
    }

    public Wave Wave { get; }

    public WorkflowDefinition Definition { get; }

    public ResolvedCalendar? Calendar { get; }

    public DateOnly? ChecklistDue(string itemId) => _checklistDue.TryGetValue(itemId, out var due) ? due : null;

    public DateOnly? DeliverableDue(string deliverableId) => _deliverableDue.TryGetValue(deliverableId, out var due) ? due : null;

    public DateOnly? PhaseDue(string phaseId) => Calendar?.Phases.FirstOrDefault(p => p.Definition.Id == phaseId)?.Due;

    public string SessionTitle(string sessionId) => Definition.FindSession(sessionId)?.Title ?? sessionId;

    public string RoleTitle(string roleId) => Definition.FindRole(roleId)?.Title ?? roleId;

    /// <summary>The current phase's title, or what the enrolment's state says when no phase is open.</summary>
    public string CurrentPhase(Enrolment enrolment) => enrolment switch
    {
        { Status: EnrolmentStatus.Withdrawn } => "Retiré de la démarche",
        { Status: EnrolmentStatus.Completed } => "Démarche terminée",
        { CurrentPhaseId: "" } => "Non démarrée",
        _ => Definition.FindPhase(enrolment.CurrentPhaseId)?.Title ?? enrolment.CurrentPhaseId,
    };
}
