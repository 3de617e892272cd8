namespace Benchmark.Core.Grid;

/// <summary>One cell as a spreadsheet or CSV gives it: text, or a number (XLSX numeric cells, Excel serial dates).</summary>
public readonly record struct SheetCell(string? Text, double? Number)
{
    public bool IsEmpty => Number is null && string.IsNullOrWhiteSpace(Text);

    public static SheetCell OfText(string? text) => new(text, null);

    public static SheetCell OfNumber(double number) => new(null, number);

    /// <summary>What the user sees in the cell, for error messages.</summary>
    public string Display => Number is { } n ? n.ToString(System.Globalization.CultureInfo.GetCultureInfo("fr-FR")) : (Text ?? "").Trim();
}

/// <summary>One row of a sheet with its 1-based number as the user sees it (line of the CSV, row of the sheet).</summary>
public sealed record SheetRow(int Number, IReadOnlyList<SheetCell> Cells)
{
    public bool IsEmpty => Cells.All(c => c.IsEmpty);

    public SheetCell this[int index] => index >= 0 && index < Cells.Count ? Cells[index] : default;
}

/// <summary>A bad cell or row: where (row, column), what was there and why it is refused, in French.</summary>
public sealed record GridError(int Row, string Column, string Value, string Reason);

/// <summary>A valid row of the imaging grid; choice columns hold the definition's value ids.</summary>
public readonly record struct GridRow(
    DateOnly Date, string Activity, string Provenance, string AppointmentType, int? AppointmentDelay, double? ReportDelay);
