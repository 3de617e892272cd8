namespace Benchmark.Core.OfficeSurgery;

/// <summary>
/// One line of an office-surgery enrolment's yearly act register (seed 003, section H): for one CCAM code, the patients
/// taken care of, the acts performed and the volume contracted in the convention. One line per code and year; the
/// year's totals feed the indicators <c>patients-pris-en-charge</c>, <c>actes-realises</c> and <c>ratio-volumes</c>.
/// </summary>
public sealed class CcamActVolume
{
    public CcamActVolume(Guid id, Guid enrolmentId, int year, Ccam code, CcamActCounts counts, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(counts);
        (Id, EnrolmentId, Year, Code) = (id, enrolmentId, year, code.Value);
        Update(counts, by, at);
    }

    private CcamActVolume()
    {
    }

    public Guid Id { get; private set; }

    public Guid EnrolmentId { get; private set; }

    /// <summary>The indicators' period: a calendar year.</summary>
    public int Year { get; private set; }

    /// <summary>The CCAM code, normalised by <see cref="Ccam.Parse"/> (e.g. <c>BJMA002</c>).</summary>
    public string Code { get; private set; } = "";

    public int Patients { get; private set; }

    public int Acts { get; private set; }

    public int Contracted { get; private set; }

    public string EnteredBy { get; private set; } = "";

    public DateTimeOffset EnteredAt { get; private set; }

    public CcamActCounts Counts => new(Patients, Acts, Contracted);

    /// <summary>Replaces the counts; the caller has checked them with <see cref="CcamActSheet.Check"/>.</summary>
    public void Update(CcamActCounts counts, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(counts);
        (Patients, Acts, Contracted, EnteredBy, EnteredAt) = (counts.Patients, counts.Acts, counts.Contracted, by, at);
    }
}

/// <summary>The three counts of a line, or of a year's total.</summary>
public sealed record CcamActCounts(int Patients, int Acts, int Contracted)
{
    public static CcamActCounts Zero { get; } = new(0, 0, 0);

    public CcamActCounts Add(CcamActCounts other) => new(Patients + other.Patients, Acts + other.Acts, Contracted + other.Contracted);

    /// <summary>Acts performed / contracted volume, in percent (one decimal); null when nothing was contracted.</summary>
    public decimal? Ratio => Contracted > 0 ? Math.Round(100m * Acts / Contracted, 1) : null;
}
