using System.ComponentModel.DataAnnotations;

namespace Benchmark.Web.Features.Grid;

/// <summary>
/// The caps of a grid import (section <c>Grid</c>): a file of more rows, or a month of the grid that would hold more,
/// is refused whole with a French message naming the cap — a grid is an establishment's activity, not a bulk load.
/// </summary>
public sealed class GridImportOptions
{
    public const string Section = "Grid";

    /// <summary>Rows of one file (a year of a large imaging department is about 150,000 acts).</summary>
    [Range(1, 5_000_000)]
    public int MaxRowsPerImport { get; set; } = 250_000;

    /// <summary>Rows of one month of an enrolment's grid, stored and imported together.</summary>
    [Range(1, 5_000_000)]
    public int MaxRowsPerMonth { get; set; } = 50_000;
}
