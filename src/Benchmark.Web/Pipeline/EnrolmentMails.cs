using Benchmark.Web.Infrastructure.Mail;

namespace Benchmark.Web.Pipeline;

/// <summary>A phase opened: to the team and the group's consultant.</summary>
public sealed record GateOpenedMail(
    string RecipientName, string Programme, string EstablishmentName, string GroupName, string PhaseTitle, string ClosedPhase,
    string ClosedBy, bool Automatic, string Forced, string Path) : MailModel
{
    public override string Template => "gate-opened";
}

/// <summary>A deliverable version waits for a decision: to the approver the definition names.</summary>
public sealed record DeliverableSubmittedMail(
    string RecipientName, string Title, string Programme, string EstablishmentName, string GroupName, string Version, string SubmittedBy,
    string Path) : MailModel
{
    public override string Template => "deliverable-submitted";
}

/// <summary>A deliverable version was decided: to the team.</summary>
public sealed record DeliverableDecidedMail(
    string RecipientName, string Title, string Programme, string EstablishmentName, string Version, string Decision, string DecisionLabel,
    string Reviewer, string Comment, string PhaseOpened, string Path) : MailModel
{
    public override string Template => "deliverable-decided";
}
