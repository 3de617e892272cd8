using Benchmark.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Features.Waves;

/// <summary>A group as the wave page shows it.</summary>
public sealed record GroupView(Guid Id, string Name, Guid? ConsultantId, string? Consultant, IReadOnlyList<(Guid EnrolmentId, string Establishment, string City, string Phase)> Members, string? SizeWarning);

public sealed partial class DetailsModel
{
    /// <summary>Reads the wave and everything the page shows, through the access scope; false when out of scope.</summary>
    private async Task<bool> LoadAsync(Guid waveId, CancellationToken cancellationToken)
    {
        if (!ArsEditing.CanRead(scope.User))
        {
            return false;
        }

        var wave = await scope.Waves().SingleOrDefaultAsync(w => w.Id == waveId, cancellationToken);
        if (wave is null)
        {
            return false;
        }

        Wave = wave;
        var stored = await db.ProgrammeDefinitions.AsNoTracking().SingleAsync(d => d.Id == wave.DefinitionId, cancellationToken);
        Definition = stored.Parse();
        var groups = await scope.Groups().AsNoTracking().Where(g => g.WaveId == waveId).OrderBy(g => g.Name).ToListAsync(cancellationToken);
        var members = await (from e in scope.Enrolments().Where(e => e.WaveId == waveId)
                             join x in scope.Establishments() on e.EstablishmentId equals x.Id
                             orderby x.Name
                             select new { e.Id, e.GroupId, e.Status, e.CurrentPhaseId, x.Name, x.City }).ToListAsync(cancellationToken);
        var consultantIds = groups.Where(g => g.ConsultantId != null).Select(g => g.ConsultantId!.Value).ToList();
        var names = await db.Users.Where(u => consultantIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, cancellationToken);
        var size = Definition.GroupSize;
        Groups = [.. groups.Select(g =>
        {
            var list = members.Where(m => m.GroupId == g.Id && m.Status != Core.Domain.EnrolmentStatus.Withdrawn)
                .Select(m => (m.Id, m.Name, m.City, Definition.FindPhase(m.CurrentPhaseId)?.Title ?? Display.Status(m.Status))).ToList();
            var warning = list.Count < size.Min || list.Count > size.Max
                ? $"Le groupe « {g.Name} » compte {list.Count} établissement(s) : le programme prévoit des groupes de {size.Min} à {size.Max} établissements."
                : null;
            return new GroupView(g.Id, g.Name, g.ConsultantId, g.ConsultantId is { } c ? names.GetValueOrDefault(c) : null, list, warning);
        })];
        var referentIds = await db.WaveReferents.Where(r => r.WaveId == waveId).Select(r => r.UserId).ToListAsync(cancellationToken);
        Referents = await db.Users.Where(u => referentIds.Contains(u.Id)).OrderBy(u => u.FullName).Select(u => u.FullName).ToListAsync(cancellationToken);
        if (CanEdit)
        {
            Consultants = [.. (await users.GetUsersInRoleAsync(AppRoles.Consultant)).OrderBy(u => u.FullName, StringComparer.Ordinal).Select(u => (u.Id, u.FullName))];
            StaffCandidates = [.. (await db.Users.Where(u => u.AgencyId == wave.AgencyId && !referentIds.Contains(u.Id)).ToListAsync(cancellationToken))
                .OrderBy(u => u.FullName, StringComparer.Ordinal).Select(u => (u.Id, u.FullName))];
            var enrolled = db.Enrolments.Where(e => e.WaveId == waveId).Select(e => e.EstablishmentId);
            EstablishmentCandidates = [.. (await scope.Establishments().Where(x => x.AgencyId == wave.AgencyId && !enrolled.Contains(x.Id)).ToListAsync(cancellationToken))
                .OrderBy(x => x.Name, StringComparer.Ordinal).Select(x => (x.Id, $"{x.Name} ({x.City}, {x.Finess})"))];
        }

        return true;
    }
}
