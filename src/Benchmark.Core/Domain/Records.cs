namespace Benchmark.Core.Domain;

public enum AlertSeverity
{
    Information,
    Warning,
    Critical,
}

/// <summary>A risk of delay or abandonment raised to the ARS; <see cref="Key"/> makes raising idempotent.</summary>
public sealed class Alert
{
    private Alert()
    {
    }

    public Alert(Guid id, Guid waveId, Guid? enrolmentId, string key, AlertSeverity severity, string message, DateTimeOffset raisedAt)
    {
        (Id, WaveId, EnrolmentId, Key, Severity, Message, RaisedAt) = (id, waveId, enrolmentId, key, severity, message, raisedAt);
    }

    public Guid Id { get; private set; }

    public Guid WaveId { get; private set; }

    public Guid? EnrolmentId { get; private set; }

    public string Key { get; private set; } = "";

    public AlertSeverity Severity { get; private set; }

    public string Message { get; private set; } = "";

    public DateTimeOffset RaisedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public string? ResolvedBy { get; private set; }

    public void Resolve(string by, DateTimeOffset now)
    {
        ResolvedAt ??= now;
        ResolvedBy ??= by;
    }
}

/// <summary>An append-only record of who did what, when, with the state before and after.</summary>
public sealed class AuditEvent
{
    private AuditEvent()
    {
    }

    public AuditEvent(DateTimeOffset at, string actor, Guid? waveId, Guid? enrolmentId, string action, string target, string? before, string? after, string? justification = null)
    {
        (At, Actor, WaveId, EnrolmentId, Action, Target, Before, After, Justification) = (at, actor, waveId, enrolmentId, action, target, before, after, justification);
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string Actor { get; private set; } = "";

    public Guid? WaveId { get; private set; }

    public Guid? EnrolmentId { get; private set; }

    public string Action { get; private set; } = "";

    public string Target { get; private set; } = "";

    public string? Before { get; private set; }

    public string? After { get; private set; }

    public string? Justification { get; private set; }
}

public enum IndicatorValueStatus
{
    Draft,
    Submitted,
    Validated,
    SentBack,
}

/// <summary>One value of one indicator input (or of a directly entered indicator) for one enrolment and period.</summary>
public sealed class IndicatorValue
{
    private IndicatorValue()
    {
    }

    public IndicatorValue(Guid id, Guid enrolmentId, string indicatorId, string period, string inputId, decimal? value, string enteredBy, DateTimeOffset enteredAt)
    {
        (Id, EnrolmentId, IndicatorId, Period, InputId, Value, EnteredBy, EnteredAt) = (id, enrolmentId, indicatorId, period, inputId, value, enteredBy, enteredAt);
    }

    public Guid Id { get; private set; }

    public Guid EnrolmentId { get; private set; }

    public string IndicatorId { get; private set; } = "";

    /// <summary>Period key, e.g. <c>2027-B1</c> (January–February 2027) or <c>2027-M03</c>.</summary>
    public string Period { get; private set; } = "";

    /// <summary>The input id, or the empty string for a directly entered indicator.</summary>
    public string InputId { get; private set; } = "";

    public decimal? Value { get; private set; }

    public IndicatorValueStatus Status { get; private set; }

    public string EnteredBy { get; private set; } = "";

    public DateTimeOffset EnteredAt { get; private set; }

    public void Update(decimal? value, string by, DateTimeOffset now) => (Value, EnteredBy, EnteredAt, Status) = (value, by, now, IndicatorValueStatus.Draft);

    /// <summary>Follows its period report (submitted, validated, sent back, unlocked), so a query on values alone sees the state.</summary>
    public void Follow(IndicatorValueStatus reportStatus) => Status = reportStatus;
}

public enum OutboxStatus
{
    Pending,
    Sent,
    Failed,
}

/// <summary>
/// A message written in the same transaction as the change that causes it. <see cref="IdempotencyKey"/> is unique
/// (rule, target, occurrence), so the same reminder or invite is never queued twice; the dispatcher sends it later.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
    }

    public OutboxMessage(Guid id, string idempotencyKey, string kind, string recipient, string subject, string payload, DateTimeOffset createdAt)
    {
        (Id, IdempotencyKey, Kind, Recipient, Subject, Payload, CreatedAt, NextAttemptAt) = (id, idempotencyKey, kind, recipient, subject, payload, createdAt, createdAt);
        MessageId = $"{id:N}@benchmark";
    }

    public Guid Id { get; private set; }

    public string IdempotencyKey { get; private set; } = "";

    /// <summary>Deterministic Message-ID, so a retried send is recognisable as the same message.</summary>
    public string MessageId { get; private set; } = "";

    public string Kind { get; private set; } = "";

    public string Recipient { get; private set; } = "";

    public string Subject { get; private set; } = "";

    public string Payload { get; private set; } = "";

    public OutboxStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// When the message is next due. A dispatcher claims due messages in bulk, in one statement (it is not done one
    /// entity at a time): it moves this a lease ahead, so no other dispatcher picks them, and one that dies mid-send
    /// leaves them to be retried, with the same Message-ID, once the lease is over.
    /// </summary>
    public DateTimeOffset NextAttemptAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public string? LastError { get; private set; }

    public void MarkSent(DateTimeOffset now) => (Status, SentAt, Attempts) = (OutboxStatus.Sent, now, Attempts + 1);

    /// <summary>Records a failed attempt: transient failures retry with exponential backoff, permanent ones stop.</summary>
    public void MarkFailed(string error, bool permanent, DateTimeOffset now)
    {
        Attempts++;
        LastError = error;
        Status = permanent || Attempts >= 8 ? OutboxStatus.Failed : OutboxStatus.Pending;
        NextAttemptAt = now.AddSeconds(Math.Min(3600, 15 * Math.Pow(2, Attempts - 1)));
    }

    public void Requeue(DateTimeOffset now) => (Status, NextAttemptAt, Attempts) = (OutboxStatus.Pending, now, 0);

    /// <summary>
    /// An operator's "send again" of a failed message: Pending and due now, its attempts and last error kept (the next
    /// attempt counts on from them) and its Message-ID unchanged, so a recipient's client sees the same message.
    /// Ignored (false) unless the message failed.
    /// </summary>
    public bool Resend(DateTimeOffset now)
    {
        if (Status != OutboxStatus.Failed)
        {
            return false;
        }

        (Status, NextAttemptAt) = (OutboxStatus.Pending, now);
        return true;
    }
}
