using Benchmark.Core.Definitions;
using Benchmark.Core.Reminders;

namespace Benchmark.Core.Grid;

/// <summary>The value of one indicator input computed from the grid for one period (null = not computable).</summary>
public sealed record GridInputValue(string IndicatorId, string InputId, string Period, decimal? Value);

/// <summary>
/// Evaluates the inputs the workflow file declares as coming from the grid (<c>grid: { aggregate, column, where }</c>),
/// per period of each indicator, so the computed indicators are stored like any reported value.
/// </summary>
public static class GridIndicatorInputs
{
    public static IReadOnlyList<GridInputValue> Compute(WorkflowDefinition definition, GridSchema schema, IReadOnlyCollection<GridCell> cells)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(cells);
        var values = new List<GridInputValue>();
        foreach (var indicator in definition.Indicators)
        {
            var inputs = indicator.Inputs.Where(i => i.Grid?.Grid == schema.Definition.Id).ToList();
            if (inputs.Count == 0)
            {
                continue;
            }

            foreach (var period in cells.GroupBy(c => IndicatorPeriods.Containing(indicator.Period, c.FirstDay).Key).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                values.AddRange(inputs.Select(input => new GridInputValue(indicator.Id, input.Id, period.Key, Evaluate(input.Grid!, period.ToList()))));
            }
        }

        return values;
    }

    public static decimal? Evaluate(GridSourceDefinition source, IReadOnlyCollection<GridCell> cells)
    {
        ArgumentNullException.ThrowIfNull(source);
        var matching = cells.Where(c => source.Where.All(w => w.Value.Contains(Value(c, w.Key)))).ToList();
        var (sum, count) = source.Column switch
        {
            GridSchema.AppointmentDelayColumn => (matching.Sum(c => (double)c.AppointmentDelaySum), matching.Sum(c => c.AppointmentDelayCount)),
            GridSchema.ReportDelayColumn => (matching.Sum(c => c.ReportDelaySum), matching.Sum(c => c.ReportDelayCount)),
            _ => (0d, matching.Sum(c => c.Count)),
        };
        return source.Aggregate switch
        {
            GridAggregate.Count => matching.Sum(c => c.Count),
            GridAggregate.Sum => Math.Round((decimal)sum, 4),
            GridAggregate.Mean => count == 0 ? null : Math.Round((decimal)(sum / count), 4),
        };
    }

    private static string Value(GridCell cell, string column) => column switch
    {
        GridSchema.ActivityColumn => cell.Activity,
        GridSchema.ProvenanceColumn => cell.Provenance,
        GridSchema.AppointmentTypeColumn => cell.AppointmentType,
        _ => "",
    };
}
