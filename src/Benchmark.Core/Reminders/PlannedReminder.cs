namespace Benchmark.Core.Reminders;

/// <summary>What a reminder is about; its name is part of the idempotency key.</summary>
public enum ReminderTargetKind
{
    Session,
    SessionReport,
    Deliverable,
    Checklist,
    Phase,
    Indicator,
}

/// <summary>
/// One email to send now: a rule applied to one target, one occurrence and one recipient. The sweep inserts an
/// outbox row keyed by <see cref="IdempotencyKey"/> under a unique index, so planning the same reminder again
/// (a second sweep, another node, a restart) queues nothing more.
/// </summary>
/// <param name="IdempotencyKey"><c>reminder:{rule}:{target kind}:{target id}:{occurrence yyyy-MM-dd}:{email}</c>.</param>
/// <param name="RuleId">The <c>reminders[].id</c> of the definition.</param>
/// <param name="Template">The email template name under <c>templates/</c>.</param>
/// <param name="TargetKind">Session, report, deliverable, checklist item, phase or indicator period.</param>
/// <param name="TargetId">The session row id, or <c>{enrolment id}/{item id}</c> for what belongs to an enrolment.</param>
/// <param name="Occurrence">The Paris day the reminder is for (rescheduling a session makes a new occurrence).</param>
/// <param name="DueAtUtc">The instant it became due: the occurrence at the rule's local time, in UTC.</param>
/// <param name="Recipient">Who receives it.</param>
/// <param name="EnrolmentId">The enrolment concerned; for a collective session, the recipient's own (none for the consultant or the ARS).</param>
/// <param name="Model">Values for the template: titles, dates in French (Paris time), ids.</param>
public sealed record PlannedReminder(
    string IdempotencyKey,
    string RuleId,
    string Template,
    ReminderTargetKind TargetKind,
    string TargetId,
    DateOnly Occurrence,
    DateTimeOffset DueAtUtc,
    ReminderContact Recipient,
    Guid? EnrolmentId,
    IReadOnlyDictionary<string, string> Model);
