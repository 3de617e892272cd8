using System.Text.Json;

namespace Benchmark.Web.Features.Grid;

/// <summary>
/// What the grid page says after a done import, small enough for TempData (no row errors): rows read, added and
/// refused, the periods whose values were held, or when the same file was imported before.
/// </summary>
public sealed record GridImportReport(int RowsValid, long RowsAdded, int RowsRejected, IReadOnlyList<string> Locked, IReadOnlyList<string> InReview,
    DateTimeOffset? AlreadyImportedAt, int Repeats = 0)
{
    public static GridImportReport From(GridImportOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new GridImportReport(outcome.Log?.RowsValid ?? 0, outcome.RowsAdded, outcome.Log?.RowsRejected ?? 0, outcome.Held.Locked, outcome.Held.InReview,
            outcome.Status == GridImportStatus.AlreadyImported ? outcome.ImportedAt : null, outcome.Repeats);
    }

    public string ToJson() => JsonSerializer.Serialize(this);

    /// <summary>The report TempData carried, or null (none, or not one of ours).</summary>
    public static GridImportReport? FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<GridImportReport>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
