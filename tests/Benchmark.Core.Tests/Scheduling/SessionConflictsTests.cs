using Benchmark.Core.Scheduling;

namespace Benchmark.Core.Tests.Scheduling;

/// <summary>Conflicts of a slot: the same consultant, establishment or room at overlapping times; a non-working day.</summary>
public sealed class SessionConflictsTests
{
    private static readonly Guid Consultant = Guid.NewGuid();
    private static readonly Guid Port = Guid.NewGuid();
    private static readonly Guid Calanques = Guid.NewGuid();

    // Thursday 14 January 2027, Paris (UTC+1).
    private static DateTimeOffset At(int hour, int minute = 0, int day = 14) => new(2027, 1, day, hour - 1, minute, 0, TimeSpan.Zero);

    private static BookedSession Slot(int from, int to, Guid? consultant = null, string? room = null, int day = 14, params Guid[] enrolments) =>
        new(Guid.NewGuid(), "SC2 — Diagnostic", At(from, day: day), At(to, day: day), room, consultant, enrolments.ToHashSet());

    [Fact]
    public void Find_WhenTheSameConsultantOverlaps_ThenOneConflictNamingTheOtherSessionAndItsHours()
    {
        var booked = Slot(9, 12, Consultant, "Salle A", 14, Port);
        var slot = Slot(11, 13, Consultant, "Salle B", 14, Calanques);

        var conflict = Assert.Single(SessionConflicts.Find(slot, [booked], WorkingCalendar.France));

        Assert.Equal(ConflictKind.Consultant, conflict.Kind);
        Assert.Equal(booked.Id, conflict.With);
        Assert.Equal("Le consultant anime déjà « SC2 — Diagnostic » (le jeu. 14/01/2027 de 9 h à 12 h) à cette heure-là.", conflict.Message);
    }

    [Fact]
    public void Find_WhenOneEndsAsTheOtherStarts_ThenNoConflict()
    {
        var booked = Slot(9, 12, Consultant, "Salle A", 14, Port);
        var slot = Slot(12, 14, Consultant, "Salle A", 14, Port);

        Assert.Empty(SessionConflicts.Find(slot, [booked], WorkingCalendar.France));
    }

    [Fact]
    public void Find_WhenAnEstablishmentAttendsBothAndTheRoomIsTheSameWrittenDifferently_ThenBothAreSaid()
    {
        var booked = Slot(14, 16, Guid.NewGuid(), " salle du conseil ", 14, Port, Calanques);
        var slot = Slot(15, 17, Consultant, "Salle du Conseil", 14, Calanques);

        var kinds = SessionConflicts.Find(slot, [booked], WorkingCalendar.France).Select(c => c.Kind).ToList();

        Assert.Equal([ConflictKind.Establishment, ConflictKind.Room], kinds);
    }

    [Theory]
    [InlineData(16, "samedi")]
    [InlineData(17, "dimanche")]
    public void Find_WhenTheDayIsAWeekend_ThenItIsSaidWithoutOtherSessions(int day, string reason)
    {
        var conflict = Assert.Single(SessionConflicts.Find(Slot(9, 12, Consultant, null, day, Port), [], WorkingCalendar.France));

        Assert.Equal(ConflictKind.NonWorkingDay, conflict.Kind);
        Assert.Null(conflict.With);
        Assert.Equal($"Le {reason} {day} janvier 2027 n'est pas un jour ouvré.", conflict.Message);
    }

    [Fact]
    public void Find_WhenThe14thOfJuly_ThenTheHolidayIsNamed()
    {
        var slot = new BookedSession(Guid.NewGuid(), "SI3", new(2027, 7, 14, 7, 0, 0, TimeSpan.Zero), new(2027, 7, 14, 8, 0, 0, TimeSpan.Zero), null, null, new HashSet<Guid>());

        var conflict = Assert.Single(SessionConflicts.Find(slot, [], WorkingCalendar.France));

        Assert.StartsWith("Le mercredi 14 juillet 2027 n'est pas un jour ouvré (", conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_WhenTheSlotIsTheSessionItself_ThenItDoesNotConflictWithItself()
    {
        var slot = Slot(9, 12, Consultant, "Salle A", 14, Port);

        Assert.Empty(SessionConflicts.Find(slot, [slot with { StartUtc = At(10) }], WorkingCalendar.France));
    }
}
