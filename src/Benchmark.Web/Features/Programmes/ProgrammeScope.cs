using Benchmark.Core.Domain;
using Benchmark.Data;
using Benchmark.Web.Features.Access;

namespace Benchmark.Web.Features.Programmes;

/// <summary>
/// The programme definitions a person may read: every version for ARS staff (programmes are shared data), the
/// versions their waves use for a consultant, none for a team member. Starts from the access scope.
/// </summary>
public sealed class ProgrammeScope(BenchmarkDbContext db, AccessScope scope)
{
    public IQueryable<ProgrammeDefinition> Definitions()
    {
        if (scope.User.IsArsStaff)
        {
            return db.ProgrammeDefinitions;
        }

        var waves = scope.User.IsConsultant ? scope.Waves() : scope.Waves().Where(_ => false);
        return db.ProgrammeDefinitions.Where(d => waves.Any(w => w.DefinitionId == d.Id));
    }
}
