using Benchmark.Core.Definitions;
using Benchmark.Core.Grid;
using Benchmark.Data;
using Benchmark.Web.Features.Access;
using Benchmark.Web.Features.Api;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Grid;

/// <summary>An enrolment whose programme has the imaging collection grid, as seen by the current user.</summary>
public sealed record GridTarget(Guid EnrolmentId, string Establishment, string Programme, WorkflowDefinition Definition, GridSchema Schema, bool CanImport);

/// <summary>Finds the grid of an enrolment through the access rule: outside the scope, or no grid in the programme → null (404).</summary>
internal sealed class GridTargets(AccessScope scope, BenchmarkDbContext db, Definitions definitions)
{
    public async Task<GridTarget?> FindAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        var found = await scope.Enrolments().IgnoreAutoIncludes().AsNoTracking().Where(e => e.Id == enrolmentId)
            .Join(db.Establishments, e => e.EstablishmentId, x => x.Id, (e, x) => new { e.WaveId, Establishment = x.Name })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var definition = (await definitions.WaveDefinitionsAsync([found.WaveId], cancellationToken))[found.WaveId];
        var schema = GridSchema.From(definition);
        if (!schema.IsSuccess)
        {
            return null;
        }

        var user = scope.User;
        var canImport = user.IsTeamMember || user.IsConsultant || user.IsArsAdmin;
        return new GridTarget(enrolmentId, found.Establishment, definition.Title, definition, schema.Value, canImport);
    }
}
