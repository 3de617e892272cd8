using Benchmark.Core.Domain;

namespace Benchmark.Core.Tests.Domain;

public sealed class AgendaTimesTests
{
    [Fact]
    public void Shift_WhenSessionMovedFrom9To14_ThenEveryStatedTimeMovesAndTheRestStays()
    {
        const string agenda = "09:00–09:30 Accueil (à 10:00 pause)\n09:30 - 11:00 Atelier\nConclusion sans heure\n11:00 Fin";

        var moved = AgendaTimes.Shift(agenda, TimeSpan.FromHours(5));

        Assert.Equal("14:00–14:30 Accueil (à 10:00 pause)\n14:30 - 16:00 Atelier\nConclusion sans heure\n16:00 Fin", moved);
    }

    [Fact]
    public void Shift_WhenNoMoveOrNoAgenda_ThenUnchanged()
    {
        Assert.Equal("09:00–09:30 Accueil", AgendaTimes.Shift("09:00–09:30 Accueil", TimeSpan.Zero));
        Assert.Null(AgendaTimes.Shift(null, TimeSpan.FromHours(1)));
    }
}
