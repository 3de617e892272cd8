using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Microsoft.Extensions.Time.Testing;

namespace Benchmark.Core.Tests.Domain;

/// <summary>Planned → Scheduled → (Rescheduled …) → Held | Cancelled, one calendar UID, a sequence bumped per change.</summary>
public sealed class SessionTests
{
    private static readonly DateTimeOffset Monday0900 = new(2027, 2, 15, 8, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 1, 18, 10, 0, 0, TimeSpan.Zero));

    private static Session Planned() =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, "SC1", SessionKind.Collective, Monday0900, Monday0900.AddHours(8));

    private static SessionSlot Slot(DateTimeOffset start, int hours = 8, string? location = "CH de Digne, salle du conseil", string? visio = null) =>
        new(start, start.AddHours(hours), location, visio, "Diagnostic partagé");

    private DateTimeOffset Now => _clock.GetUtcNow();

    [Fact]
    public void Schedule_WhenPlanned_ThenItIsScheduledWithSequenceZero()
    {
        // Arrange
        var session = Planned();

        // Act
        var result = session.Schedule(Slot(Monday0900), Now);

        // Assert
        var scheduled = Assert.IsType<SessionScheduled>(result.Value);
        Assert.Equal(0, scheduled.Sequence);
        Assert.Equal((SessionStatus.Scheduled, 0, "CH de Digne, salle du conseil"), (session.Status, session.Sequence, session.Location));
        Assert.Equal($"{session.Id:N}@benchmark", session.Uid);
    }

    [Fact]
    public void Schedule_WhenTheStartIsPast_ThenItIsRefused()
    {
        // Arrange
        var session = Planned();

        // Act
        var result = session.Schedule(Slot(Now.AddMinutes(-1)), Now);

        // Assert
        Assert.Contains("date de début est passée", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(SessionStatus.Planned, session.Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Schedule_WhenTheEndIsNotAfterTheStart_ThenItIsRefused(int hours)
    {
        // Arrange
        var session = Planned();

        // Act
        var result = session.Schedule(Slot(Monday0900, hours), Now);

        // Assert
        Assert.Contains("La fin de la séance doit suivre son début", result.Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://visio.example.fr/salle")]
    [InlineData("https://")]
    [InlineData("visio.example.fr/salle")]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://visio.example.fr")]
    public void Schedule_WhenTheVisioLinkIsNotACompleteHttpsUrl_ThenItIsRefused(string visio)
    {
        // Arrange
        var session = Planned();

        // Act
        var result = session.Schedule(Slot(Monday0900, 2, location: null, visio: visio), Now);

        // Assert
        Assert.Contains("https://", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(SessionStatus.Planned, session.Status);
    }

    [Theory]
    [InlineData("https://visio.example/y\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:fake@evil")]
    [InlineData("https://visio.example/y\nATTENDEE:mailto:evil@example.test")]
    [InlineData("https://visio.example/y\rX")]
    [InlineData("https://visio.example/a\tb")]
    [InlineData("https://visio.example/a b")]
    [InlineData("https://visio.example/\u0085x")]
    [InlineData("https://visio.example/\u202Eexe.txt")]
    public void Schedule_WhenTheVisioLinkHoldsALineBreakSpaceOrControlCharacter_ThenItIsRefusedOnTheField(string visio)
    {
        // Arrange
        var session = Planned();

        // Act
        var result = session.Schedule(Slot(Monday0900, 2, location: "Salle 1", visio: visio), Now);

        // Assert
        Assert.False(result.IsSuccess);
        Assert.Equal("Le lien de visioconférence doit être une adresse web complète (https://…).", result.Error!.Message);
        Assert.Equal("VisioUrl", result.Error.Field);
        Assert.Equal(SessionStatus.Planned, session.Status);
        Assert.Null(session.VisioUrl);
    }

    [Theory]
    [InlineData(2000, true)]
    [InlineData(2001, false)]
    public void Schedule_WhenTheVisioLinkIsLong_ThenUpTo2000CharactersAreKept(int length, bool kept)
    {
        // Arrange
        var session = Planned();
        var visio = "https://visio.example.fr/" + new string('a', length - "https://visio.example.fr/".Length);

        // Act
        var result = session.Schedule(Slot(Monday0900, 2, location: null, visio: visio), Now);

        // Assert
        Assert.Equal(kept, result.IsSuccess);
    }

    [Fact]
    public void Schedule_WhenThereIsNeitherPlaceNorLink_ThenItIsRefused()
    {
        // Arrange
        var session = Planned();

        // Act
        var result = session.Schedule(Slot(Monday0900, 2, location: " ", visio: null), Now);

        // Assert
        Assert.Contains("Indiquez un lieu ou un lien", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Schedule_WhenAHttpsVisioLinkIsGiven_ThenItIsKept()
    {
        // Arrange
        var session = Planned();

        // Act
        var result = session.Schedule(Slot(Monday0900, 2, location: null, visio: "https://visio.example.fr/salle-42"), Now);

        // Assert
        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal("https://visio.example.fr/salle-42", session.VisioUrl);
    }

    [Fact]
    public void Schedule_WhenAlreadyScheduled_ThenItPointsToReschedule()
    {
        // Arrange
        var session = Planned();
        session.Schedule(Slot(Monday0900), Now);

        // Act
        var result = session.Schedule(Slot(Monday0900.AddDays(1)), Now);

        // Assert
        Assert.Contains("reprogrammer", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(Monday0900, session.StartUtc);
    }

    [Fact]
    public void Reschedule_WhenRepeatedThenCancelled_ThenTheUidStaysAndTheSequenceGrows()
    {
        // Arrange
        var session = Planned();
        session.Schedule(Slot(Monday0900), Now);
        var uid = session.Uid;

        // Act
        var first = session.Reschedule(Slot(Monday0900.AddDays(7)), Now);
        var second = session.Reschedule(Slot(Monday0900.AddDays(14)), Now);
        var cancelled = session.Cancel("Grève des transports");

        // Assert
        var moved = Assert.IsType<SessionRescheduled>(first.Value);
        Assert.Equal((1, Monday0900), (moved.Sequence, moved.PreviousStartUtc));
        Assert.Equal(2, Assert.IsType<SessionRescheduled>(second.Value).Sequence);
        var cancel = Assert.IsType<SessionCancelled>(cancelled.Value);
        Assert.Equal((3, true), (cancel.Sequence, cancel.InvitesWereSent));
        Assert.Equal((uid, 3, SessionStatus.Cancelled, "Grève des transports"), (session.Uid, session.Sequence, session.Status, session.CancelReason));
        Assert.Equal(Monday0900.AddDays(14), session.StartUtc);
    }

    [Fact]
    public void Reschedule_WhenNotScheduled_ThenItIsRefused()
    {
        // Arrange
        var session = Planned();

        // Act
        var result = session.Reschedule(Slot(Monday0900), Now);

        // Assert
        Assert.Contains("Seule une séance programmée peut être reprogrammée", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(0, session.Sequence);
    }

    [Fact]
    public void Reschedule_WhenTheNewSlotIsPast_ThenNothingChanges()
    {
        // Arrange
        var session = Planned();
        session.Schedule(Slot(Monday0900), Now);

        // Act
        var result = session.Reschedule(Slot(Now.AddDays(-1)), Now);

        // Assert
        Assert.False(result.IsSuccess);
        Assert.Equal((Monday0900, 0), (session.StartUtc, session.Sequence));
    }

    [Fact]
    public void Cancel_WhenOnlyPlanned_ThenNoInviteWasSentAndTheSequenceStays()
    {
        // Arrange
        var session = Planned();

        // Act
        var result = session.Cancel("Groupe dissous");

        // Assert
        var cancel = Assert.IsType<SessionCancelled>(result.Value);
        Assert.Equal((0, false), (cancel.Sequence, cancel.InvitesWereSent));
    }

    [Fact]
    public void Cancel_WhenNoReasonIsGiven_ThenItIsRefused()
    {
        // Arrange
        var session = Planned();
        session.Schedule(Slot(Monday0900), Now);

        // Act
        var result = session.Cancel("  ");

        // Assert
        Assert.Contains("motif", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal((SessionStatus.Scheduled, 0), (session.Status, session.Sequence));
    }

    [Fact]
    public void MarkHeld_WhenScheduledAndStarted_ThenItIsHeldWithItsMinutes()
    {
        // Arrange
        var session = Planned();
        session.Schedule(Slot(Monday0900), Now);
        _clock.SetUtcNow(Monday0900.AddHours(9));

        // Act
        var result = session.MarkHeld("Compte rendu de la SC1", Now);

        // Assert
        Assert.IsType<SessionHeld>(result.Value);
        Assert.Equal((SessionStatus.Held, "Compte rendu de la SC1", Now), (session.Status, session.Minutes, session.HeldAt!.Value));
    }

    [Fact]
    public void MarkHeld_WhenTheSessionHasNotStarted_ThenItIsRefused()
    {
        // Arrange
        var session = Planned();
        session.Schedule(Slot(Monday0900), Now);
        _clock.SetUtcNow(Monday0900.AddMinutes(-1));

        // Act
        var result = session.MarkHeld("Trop tôt", Now);

        // Assert
        Assert.Contains("n'a pas encore commencé", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(SessionStatus.Scheduled, session.Status);
    }

    [Fact]
    public void MarkHeld_WhenOnlyPlanned_ThenItIsRefused()
    {
        // Arrange
        var session = Planned();
        _clock.SetUtcNow(Monday0900.AddDays(1));

        // Act
        var result = session.MarkHeld("Jamais programmée", Now);

        // Assert
        Assert.Contains("Seule une séance programmée peut être déclarée tenue", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancel_WhenHeld_ThenItIsRefused()
    {
        // Arrange
        var session = Planned();
        session.Schedule(Slot(Monday0900), Now);
        _clock.SetUtcNow(Monday0900.AddHours(9));
        session.MarkHeld("Compte rendu", Now);

        // Act
        var result = session.Cancel("Trop tard");

        // Assert
        Assert.Contains("déjà tenue", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal((SessionStatus.Held, 0), (session.Status, session.Sequence));
    }

    [Fact]
    public void ChangeParticipants_WhenScheduledAndNotOver_ThenSequenceGrows()
    {
        // Arrange
        var session = Planned();
        session.Schedule(Slot(Monday0900), Now);

        // Act
        var result = session.ChangeParticipants(Now);

        // Assert
        Assert.Equal(1, Assert.IsType<SessionParticipantsChanged>(result.Value).Sequence);
        Assert.Equal((SessionStatus.Scheduled, 1), (session.Status, session.Sequence));
    }

    [Fact]
    public void ChangeParticipants_WhenPlannedOrOver_ThenItIsRefusedAndSequenceKept()
    {
        // Arrange
        var planned = Planned();
        var over = Planned();
        over.Schedule(Slot(Monday0900), Now);
        _clock.SetUtcNow(Monday0900.AddHours(9));

        // Act
        var notScheduled = planned.ChangeParticipants(Now);
        var finished = over.ChangeParticipants(Now);

        // Assert
        Assert.Contains("séance programmée", notScheduled.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("terminée", finished.Error!.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0), (planned.Sequence, over.Sequence));
    }

    [Fact]
    public void UpdateMinutes_WhenHeld_ThenMinutesReplacedAndHeldAtKept()
    {
        // Arrange
        var session = Planned();
        session.Schedule(Slot(Monday0900), Now);
        _clock.SetUtcNow(Monday0900.AddHours(9));
        session.MarkHeld("Premier jet", Now);
        var heldAt = session.HeldAt;

        // Act
        var result = session.UpdateMinutes("Version corrigée");

        // Assert
        Assert.True(result.IsSuccess);
        Assert.Equal(("Version corrigée", heldAt), (session.Minutes, session.HeldAt));
    }
}
