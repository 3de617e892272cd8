using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Roadmap;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Roadmap;

/// <summary>
/// A structured deliverable (feuille de route, dossier de candidature) of one enrolment as its pages need it: the
/// definition, the deliverable's versions and reviews, the team's working draft and whether the signed-in user is on the team.
/// </summary>
public sealed record StructuredContext(
    Enrolment Enrolment, Wave Wave, WorkflowDefinition Definition, DeliverableDefinition Deliverable, DraftDocument? Draft, string Establishment, bool IsTeamMember)
{
    public Deliverable? Record => Enrolment.Deliverable(Deliverable.Id);

    public DeliverableStatus Status => Record?.Status ?? DeliverableStatus.Draft;

    public IReadOnlyList<Submission> Versions => [.. (Record?.Submissions ?? []).OrderBy(s => s.Version)];

    public Submission? Latest => Versions.Count == 0 ? null : Versions[^1];

    /// <summary>The version that received the visa, if any (the last one: an approved deliverable takes no new version).</summary>
    public Submission? Approved => Status == DeliverableStatus.Approved ? Latest : null;

    public Submission? Version(int version) => Versions.FirstOrDefault(s => s.Version == version);

    /// <summary>The team edits the draft until the deliverable is approved, while the enrolment runs.</summary>
    public bool CanEdit => IsTeamMember && Status != DeliverableStatus.Approved && Enrolment.Status == EnrolmentStatus.Active;

    public string Path(string page) => $"/parcours/{Enrolment.Id}/{page}";
}

/// <summary>Loads a <see cref="StructuredContext"/> through the <see cref="AccessScope"/>: someone else's enrolment is not found.</summary>
public sealed class StructuredDeliverables(AccessScope scope, BenchmarkDbContext db)
{
    public async Task<StructuredContext?> LoadAsync(Guid enrolmentId, DeliverableKind kind, CancellationToken cancellationToken)
    {
        var enrolment = await scope.Enrolments().AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(e => e.Id == enrolmentId, cancellationToken);
        if (enrolment is null)
        {
            return null;
        }

        var wave = await db.Waves.AsNoTracking().SingleAsync(w => w.Id == enrolment.WaveId, cancellationToken);
        var definition = (await db.ProgrammeDefinitions.AsNoTracking().SingleAsync(d => d.Id == wave.DefinitionId, cancellationToken)).Parse();
        var deliverable = definition.Deliverables.FirstOrDefault(d => d.Kind == kind);
        if (deliverable is null)
        {
            return null;
        }

        var draft = await db.Set<DraftDocument>().SingleOrDefaultAsync(d => d.EnrolmentId == enrolmentId && d.DeliverableId == deliverable.Id, cancellationToken);
        var establishment = await db.Establishments.AsNoTracking().Where(x => x.Id == enrolment.EstablishmentId).Select(x => x.Name).SingleAsync(cancellationToken);
        var user = scope.User;
        var member = user.IsTeamMember && await db.TeamMembers.AnyAsync(m => m.EnrolmentId == enrolmentId && m.UserId == user.Id, cancellationToken);
        return new StructuredContext(enrolment, wave, definition, deliverable, draft, establishment, member);
    }

    /// <summary>Creates or replaces the team's working draft (the caller saves).</summary>
    public void SaveDraft(StructuredContext context, string json, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Draft is { } draft)
        {
            draft.Save(json, scope.User.Name, now);
        }
        else
        {
            db.Set<DraftDocument>().Add(new DraftDocument(Guid.CreateVersion7(), context.Enrolment.Id, context.Deliverable.Id, json, scope.User.Name, now));
        }
    }
}
