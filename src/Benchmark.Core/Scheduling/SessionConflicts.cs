using System.Globalization;

namespace Benchmark.Core.Scheduling;

/// <summary>What a conflict is about: the same consultant, the same establishment, the same room, or the day itself.</summary>
public enum ConflictKind
{
    Consultant,
    Establishment,
    Room,
    NonWorkingDay,
}

/// <summary>
/// A session as the conflict check sees it: when, where, led by whom, and which enrolments attend (a collective session:
/// every enrolment of its group; an individual one: its own).
/// </summary>
public sealed record BookedSession(
    Guid Id, string Title, DateTimeOffset StartUtc, DateTimeOffset EndUtc, string? Location, Guid? ConsultantId, IReadOnlySet<Guid> Enrolments);

/// <summary>One reason a slot is a bad idea, in words, and the session it clashes with (none for a non-working day).</summary>
public sealed record SessionConflict(ConflictKind Kind, string Message, Guid? With);

/// <summary>
/// The conflicts of a slot before it is saved: another live session overlapping it with the same consultant, an
/// establishment attending both, or the same room (locations compared without case or surrounding spaces); a day that
/// is a weekend or a public holiday of the programme's <see cref="WorkingCalendar"/>. Sessions only touching (one ends
/// when the other starts) do not conflict.
/// </summary>
public static class SessionConflicts
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static IReadOnlyList<SessionConflict> Find(BookedSession slot, IEnumerable<BookedSession> booked, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(booked);
        ArgumentNullException.ThrowIfNull(calendar);
        var conflicts = new List<SessionConflict>();
        var day = ParisTime.Date(slot.StartUtc);
        if (calendar.NonWorkingReason(day) is { } reason)
        {
            var named = day.ToString("dddd d MMMM yyyy", French);
            var why = named.StartsWith(reason, StringComparison.Ordinal) ? "" : $" ({reason})";
            conflicts.Add(new(ConflictKind.NonWorkingDay, $"Le {named} n'est pas un jour ouvré{why}.", null));
        }

        foreach (var other in booked.Where(o => o.Id != slot.Id && o.StartUtc < slot.EndUtc && slot.StartUtc < o.EndUtc).OrderBy(o => o.StartUtc))
        {
            var when = $"« {other.Title} » ({Hours(other)})";
            if (slot.ConsultantId is { } consultant && other.ConsultantId == consultant)
            {
                conflicts.Add(new(ConflictKind.Consultant, $"Le consultant anime déjà {when} à cette heure-là.", other.Id));
            }

            if (slot.Enrolments.Overlaps(other.Enrolments))
            {
                conflicts.Add(new(ConflictKind.Establishment, $"Un établissement de cette séance participe déjà à {when}.", other.Id));
            }

            if (Room(slot.Location) is { } room && room == Room(other.Location))
            {
                conflicts.Add(new(ConflictKind.Room, $"La salle « {slot.Location!.Trim()} » est déjà prise par {when}.", other.Id));
            }
        }

        return conflicts;
    }

    private static string? Room(string? location) => string.IsNullOrWhiteSpace(location) ? null : location.Trim().ToUpperInvariant();

    private static string Hours(BookedSession session)
    {
        var day = ParisTime.Date(session.StartUtc);
        return $"le {day.ToString("ddd dd/MM/yyyy", French)} de {ParisTime.Hour(session.StartUtc)} à {ParisTime.Hour(session.EndUtc)}";
    }
}
