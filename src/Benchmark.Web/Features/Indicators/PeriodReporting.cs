using System.Text;
using Benchmark.Core.Common;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Indicators;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Benchmark.Web.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Indicators;

/// <summary>What one person may do on one period report.</summary>
public sealed record ReportRights(bool CanEnter, bool CanReview, bool CanUnlock);

/// <summary>
/// The commands of a period report: save a draft, submit, validate, send back, unlock. Each one writes the values, the
/// report's state and an audit event in one save through <see cref="UnitOfWork"/>; a refused transition changes nothing,
/// and a save that loses a race (two first entries of one period, a report changed meanwhile) answers <see cref="Concurrent"/>.
/// </summary>
public sealed class PeriodReporting(BenchmarkDbContext db, UnitOfWork unit, TimeProvider clock)
{
    public const string Concurrent = "Quelqu'un a modifié cette période en même temps que vous : rechargez la page et recommencez.";

    public static ReportRights Rights(Access.CurrentUser user, IndicatorValueStatus status) => new(
        (user.IsTeamMember || user.IsConsultant || user.IsArsAdmin) && status is IndicatorValueStatus.Draft or IndicatorValueStatus.SentBack,
        (user.IsConsultant || user.IsArsAdmin) && status == IndicatorValueStatus.Submitted,
        user.IsArsAdmin && status == IndicatorValueStatus.Validated);

    public Task<IndicatorPeriodReport?> ReportAsync(Guid enrolmentId, string period, CancellationToken cancellationToken) =>
        db.IndicatorPeriodReports.SingleOrDefaultAsync(r => r.EnrolmentId == enrolmentId && r.Period == period, cancellationToken);

    public Task<List<IndicatorValue>> ValuesAsync(Guid enrolmentId, string period, CancellationToken cancellationToken) =>
        db.IndicatorValues.Where(v => v.EnrolmentId == enrolmentId && v.Period == period).ToListAsync(cancellationToken);

    /// <summary>Stores the entries (and submits them when asked); the caller has checked them with <see cref="IndicatorForm"/>.</summary>
    public async Task<Result<IndicatorValueStatus>> SaveAsync(
        IndicatorEnrolment context, ReportingPeriod period, IndicatorFormResult form, string actor, bool submit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (Window(context).Check(period) is { } outside)
        {
            return outside;
        }

        var report = await ReportAsync(context.Enrolment.Id, period.Key, cancellationToken);
        if (report is null)
        {
            report = new IndicatorPeriodReport(Guid.CreateVersion7(), context.Enrolment.Id, period.Key);
            db.IndicatorPeriodReports.Add(report);
        }

        if (!report.IsEditable)
        {
            return Error.Conflict("Cette période est soumise ou validée : elle n'est plus modifiable.");
        }

        var rows = (await ValuesAsync(context.Enrolment.Id, period.Key, cancellationToken)).ToDictionary(v => (v.IndicatorId, v.InputId));
        var changes = new StringBuilder();
        foreach (var ((indicatorId, inputId), value) in form.Values)
        {
            if (!rows.TryGetValue((indicatorId, inputId), out var row))
            {
                row = new IndicatorValue(Guid.CreateVersion7(), context.Enrolment.Id, indicatorId, period.Key, inputId, value, actor, now);
                db.IndicatorValues.Add(row);
                rows[(indicatorId, inputId)] = row;
                Describe(changes, context.Definition, indicatorId, inputId, null, value);
            }
            else if (row.Value != value)
            {
                Describe(changes, context.Definition, indicatorId, inputId, row.Value, value);
                row.Update(value, actor, now);
            }
        }

        var before = report.Status;
        if (submit && report.Submit(actor, now) is { IsSuccess: false } refused)
        {
            return refused;
        }

        Follow(rows.Values, report.Status);
        db.AuditEvents.Add(new AuditEvent(now, actor, context.Wave.Id, context.Enrolment.Id, submit ? "indicators.submit" : "indicators.save",
            Target(period), IndicatorDisplay.Word(before), changes.Length == 0 ? IndicatorDisplay.Word(report.Status) : $"{IndicatorDisplay.Word(report.Status)} ; {changes}"));
        return await CommitAsync(report, submit ? "indicators.submit" : "indicators.save", actor, cancellationToken);
    }

    /// <summary>The periods the enrolment's wave takes values for (see <see cref="IndicatorWindow"/>).</summary>
    public IndicatorWindow Window(IndicatorEnrolment context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return IndicatorWindow.Of(context.Wave.AnchorDates, context.Programme.Calendar, ParisTime.Today(clock));
    }

    public Task<Result<IndicatorValueStatus>> ValidateAsync(IndicatorEnrolment context, ReportingPeriod period, string actor, string? comment, CancellationToken cancellationToken) =>
        TransitionAsync(context, period, "indicators.validate", comment, (r, now) => r.Validate(actor, comment, now), actor, cancellationToken);

    public Task<Result<IndicatorValueStatus>> SendBackAsync(IndicatorEnrolment context, ReportingPeriod period, string actor, string? comment, CancellationToken cancellationToken) =>
        TransitionAsync(context, period, "indicators.sendback", comment, (r, now) => r.SendBack(actor, comment, now), actor, cancellationToken);

    public Task<Result<IndicatorValueStatus>> UnlockAsync(IndicatorEnrolment context, ReportingPeriod period, string actor, string? justification, CancellationToken cancellationToken) =>
        TransitionAsync(context, period, "indicators.unlock", justification, (r, now) => r.Unlock(actor, justification, now), actor, cancellationToken, justified: true);

    private async Task<Result<IndicatorValueStatus>> TransitionAsync(
        IndicatorEnrolment context, ReportingPeriod period, string action, string? text,
        Func<IndicatorPeriodReport, DateTimeOffset, Result<IndicatorValueStatus>> change, string actor, CancellationToken cancellationToken, bool justified = false)
    {
        var now = clock.GetUtcNow();
        var report = await ReportAsync(context.Enrolment.Id, period.Key, cancellationToken);
        if (report is null)
        {
            return Error.Conflict("Cette période n'a pas encore été saisie.");
        }

        var before = report.Status;
        var result = change(report, now);
        if (!result.IsSuccess)
        {
            return result;
        }

        Follow(await ValuesAsync(context.Enrolment.Id, period.Key, cancellationToken), report.Status);
        var trimmed = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        db.AuditEvents.Add(new AuditEvent(now, actor, context.Wave.Id, context.Enrolment.Id, action, Target(period), IndicatorDisplay.Word(before),
            justified || trimmed is null ? IndicatorDisplay.Word(report.Status) : $"{IndicatorDisplay.Word(report.Status)} ; {trimmed}", justified ? trimmed : null));
        return await CommitAsync(report, action, actor, cancellationToken);
    }

    private static void Follow(IEnumerable<IndicatorValue> values, IndicatorValueStatus status)
    {
        foreach (var value in values)
        {
            value.Follow(status);
        }
    }

    private Task<Result<IndicatorValueStatus>> CommitAsync(IndicatorPeriodReport report, string action, string actor, CancellationToken cancellationToken) =>
        unit.SaveAsync(report.Status, new CommandName(action, actor, report.Id), _ => Task.FromResult(Error.Conflict(Concurrent)), cancellationToken);

    /// <summary>What the audit trail names: « Indicateurs de janvier–février 2027 ».</summary>
    public static string Target(ReportingPeriod period) => $"Indicateurs de {(period ?? throw new ArgumentNullException(nameof(period))).Title}";

    /// <summary>« Lits vides à minuit — lits vides cumulés : ∅ → 305,5 », in the definition's words.</summary>
    private static void Describe(
        StringBuilder changes, WorkflowDefinition definition, string indicatorId, string inputId, decimal? before, decimal? after)
    {
        var indicator = definition.Indicators.FirstOrDefault(i => i.Id == indicatorId);
        var input = indicator?.Inputs.FirstOrDefault(i => i.Id == inputId);
        var name = indicator is null ? indicatorId : input is null ? indicator.Title : $"{indicator.Title} — {input.Title}";
        changes.Append(changes.Length == 0 ? "" : " ; ").Append(name).Append(" : ")
            .Append(before is { } b ? b.ToString(French) : "∅").Append(" → ").Append(after is { } a ? a.ToString(French) : "∅");
    }

    private static readonly System.Globalization.CultureInfo French = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
}
