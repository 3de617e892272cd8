using Benchmark.Core.Common;
using Benchmark.Core.Domain;

namespace Benchmark.Core.Indicators;

/// <summary>
/// One enrolment's report for one period: the team saves drafts and submits; the consultant validates (the period is then
/// locked) or sends it back with a comment; only an ArsAdmin unlocks a validated period, with a justification.
/// The values themselves are <see cref="IndicatorValue"/> rows, whatever entered or computed them.
/// </summary>
public sealed class IndicatorPeriodReport
{
    private IndicatorPeriodReport()
    {
    }

    public IndicatorPeriodReport(Guid id, Guid enrolmentId, string period)
    {
        (Id, EnrolmentId, Period, Status) = (id, enrolmentId, period, IndicatorValueStatus.Draft);
    }

    public Guid Id { get; private set; }

    public Guid EnrolmentId { get; private set; }

    /// <summary>Period key, as on the values (<see cref="ReportingPeriod.Key"/>).</summary>
    public string Period { get; private set; } = "";

    public IndicatorValueStatus Status { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public string? SubmittedBy { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    public string? ReviewedBy { get; private set; }

    /// <summary>The consultant's comment when sending back (or validating with a remark).</summary>
    public string? ReviewComment { get; private set; }

    public DateTimeOffset? UnlockedAt { get; private set; }

    public string? UnlockedBy { get; private set; }

    public string? UnlockJustification { get; private set; }

    /// <summary>Values may be changed only while the team holds the report (draft or sent back).</summary>
    public bool IsEditable => Status is IndicatorValueStatus.Draft or IndicatorValueStatus.SentBack;

    public bool IsLocked => Status == IndicatorValueStatus.Validated;

    public Result<IndicatorValueStatus> Submit(string by, DateTimeOffset now)
    {
        if (!IsEditable)
        {
            return Error.Conflict("Cette période est déjà soumise ou validée.");
        }

        (Status, SubmittedAt, SubmittedBy) = (IndicatorValueStatus.Submitted, now, by);
        return Status;
    }

    public Result<IndicatorValueStatus> Validate(string by, string? comment, DateTimeOffset now)
    {
        if (Status != IndicatorValueStatus.Submitted)
        {
            return Error.Conflict("Seule une période soumise peut être validée.");
        }

        (Status, ReviewedAt, ReviewedBy, ReviewComment) = (IndicatorValueStatus.Validated, now, by, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim());
        return Status;
    }

    public Result<IndicatorValueStatus> SendBack(string by, string? comment, DateTimeOffset now)
    {
        if (Status != IndicatorValueStatus.Submitted)
        {
            return Error.Conflict("Seule une période soumise peut être renvoyée.");
        }

        if (string.IsNullOrWhiteSpace(comment))
        {
            return Error.Invalid("Indiquez à l'équipe ce qu'il faut corriger.");
        }

        (Status, ReviewedAt, ReviewedBy, ReviewComment) = (IndicatorValueStatus.SentBack, now, by, comment.Trim());
        return Status;
    }

    public Result<IndicatorValueStatus> Unlock(string by, string? justification, DateTimeOffset now)
    {
        if (!IsLocked)
        {
            return Error.Conflict("Seule une période validée peut être déverrouillée.");
        }

        if (string.IsNullOrWhiteSpace(justification))
        {
            return Error.Invalid("Justifiez le déverrouillage : il est tracé dans le journal.");
        }

        (Status, UnlockedAt, UnlockedBy, UnlockJustification) = (IndicatorValueStatus.Draft, now, by, justification.Trim());
        return Status;
    }
}
