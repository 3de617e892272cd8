using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Benchmark.Core.Grid;

/// <summary>
/// One imported row of an enrolment's collection grid. Its id is its identity: a hash of the enrolment, the row's
/// content and its rank among identical rows of the file, so importing the same rows again (the same file, or a
/// corrected file after a partial import) adds nothing.
/// </summary>
public sealed class GridEntry
{
    private GridEntry()
    {
    }

    public GridEntry(Guid id, Guid enrolmentId, Guid importId, GridRow row)
    {
        ArgumentNullException.ThrowIfNull(row.Activity);
        (Id, EnrolmentId, ImportId) = (id, enrolmentId, importId);
        (Date, Activity, Provenance, AppointmentType, AppointmentDelay, ReportDelay) =
            (row.Date, row.Activity, row.Provenance, row.AppointmentType, row.AppointmentDelay, row.ReportDelay);
        Month = MonthOf(row.Date);
        ReportBucket = GridDistribution.Bucket(row.ReportDelay);
    }

    public Guid Id { get; private set; }

    public Guid EnrolmentId { get; private set; }

    public Guid ImportId { get; private set; }

    public DateOnly Date { get; private set; }

    /// <summary><c>yyyymm</c> of <see cref="Date"/>, so summaries group without date functions.</summary>
    public int Month { get; private set; }

    public string Activity { get; private set; } = "";

    public string Provenance { get; private set; } = "";

    public string AppointmentType { get; private set; } = "";

    public int? AppointmentDelay { get; private set; }

    public double? ReportDelay { get; private set; }

    /// <summary>Index of the report-delay bucket (<see cref="GridDistribution.Buckets"/>), null when no delay is given.</summary>
    public int? ReportBucket { get; private set; }

    public static int MonthOf(DateOnly date) => (date.Year * 100) + date.Month;
}

/// <summary>Computes row identities; one instance per file, as the rank of identical rows is counted within it.</summary>
public sealed class GridRowIdentity(Guid enrolmentId)
{
    private readonly Dictionary<ulong, int> _seen = new(1024);

    /// <summary>Rows identical to an earlier row of the same file (kept: two acts may share every column).</summary>
    public int Repeats { get; private set; }

    public Guid Next(GridRow row)
    {
        Span<byte> buffer = stackalloc byte[1024];
        var length = 0;
        enrolmentId.TryWriteBytes(buffer);
        length += 16;
        BinaryPrimitives.WriteInt32LittleEndian(buffer[length..], row.Date.DayNumber);
        length += 4;
        length += Write(buffer[length..], row.Activity);
        length += Write(buffer[length..], row.Provenance);
        length += Write(buffer[length..], row.AppointmentType);
        BinaryPrimitives.WriteInt32LittleEndian(buffer[length..], row.AppointmentDelay ?? -1);
        length += 4;
        BinaryPrimitives.WriteDoubleLittleEndian(buffer[length..], row.ReportDelay ?? -1);
        length += 8;
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(buffer[..length], hash);
        var content = BinaryPrimitives.ReadUInt64LittleEndian(hash);
        _seen.TryGetValue(content, out var rank);
        _seen[content] = rank + 1;
        Repeats += rank > 0 ? 1 : 0;

        // The rank goes into the last four bytes, so the n-th copy of a row is always the same id.
        BinaryPrimitives.WriteInt32LittleEndian(hash[12..], BinaryPrimitives.ReadInt32LittleEndian(hash[12..]) ^ rank);
        return new Guid(hash[..16]);
    }

    private static int Write(Span<byte> buffer, string text)
    {
        var count = Encoding.UTF8.GetBytes(text.AsSpan(0, Math.Min(text.Length, 80)), buffer[1..]);
        buffer[0] = (byte)count;
        return count + 1;
    }
}

/// <summary>One import of a file into an enrolment's grid: who, when, which file (SHA-256), what came of it.</summary>
public sealed class GridImport
{
    private GridImport()
    {
    }

    public GridImport(Guid id, Guid enrolmentId, string gridId, string fileName, string sha256, bool validRowsOnly, string importedBy, DateTimeOffset importedAt)
    {
        (Id, EnrolmentId, GridId, FileName, Sha256, ValidRowsOnly, ImportedBy, ImportedAt) =
            (id, enrolmentId, gridId, fileName, sha256, validRowsOnly, importedBy, importedAt);
    }

    public Guid Id { get; private set; }

    public Guid EnrolmentId { get; private set; }

    public string GridId { get; private set; } = "";

    public string FileName { get; private set; } = "";

    /// <summary>Lower-case hex SHA-256 of the file: the same file is imported once per enrolment.</summary>
    public string Sha256 { get; private set; } = "";

    public bool ValidRowsOnly { get; private set; }

    public string ImportedBy { get; private set; } = "";

    public DateTimeOffset ImportedAt { get; private set; }

    public int RowsRead { get; private set; }

    public int RowsImported { get; private set; }

    public int RowsRejected { get; private set; }

    /// <summary>
    /// False while the import's rows are being written in short transactions (embedded database): they are not part of
    /// the grid until the import completes, and are deleted if it does not.
    /// </summary>
    public bool Completed { get; private set; } = true;

    public void Record(int rowsRead, int rowsImported, int rowsRejected) => (RowsRead, RowsImported, RowsRejected) = (rowsRead, rowsImported, rowsRejected);

    /// <summary>Registers the import before its rows are written; <see cref="Complete"/> makes them part of the grid.</summary>
    public void Begin() => Completed = false;

    public void Complete() => Completed = true;
}
