using Benchmark.Core.Reminders;
using static Benchmark.Core.Tests.Reminders.ReminderScenario;

namespace Benchmark.Core.Tests.Reminders;

/// <summary>Keys make the sweep idempotent; the lookback lets it catch up without resurrecting old reminders.</summary>
public sealed class ReminderKeyTests
{
    // SC1 of both groups is on 5 April 2027; seven days before, 08:00 Paris, is 29 March 06:00Z.
    private static readonly DateTimeOffset Due = Utc("2027-03-29T06:00:00Z");

    [Fact]
    public void Plan_WhenRunTwiceOrLaterWithinTheLookback_ThenTheKeysAreIdentical()
    {
        // Arrange
        var scenario = new ReminderScenario();

        // Act: the sweep runs on time, again on another node, and a day later after an outage.
        var first = scenario.Plan(Due).Select(r => r.IdempotencyKey).ToList();
        var second = scenario.Plan(Due).Select(r => r.IdempotencyKey).ToList();
        var caughtUp = scenario.Plan(Due.AddDays(1)).Select(r => r.IdempotencyKey).ToHashSet();

        // Assert
        Assert.NotEmpty(first);
        Assert.Equal(first, second);
        Assert.Equal(first.Count, first.Distinct().Count());
        Assert.Superset(first.ToHashSet(), caughtUp);
    }

    [Fact]
    public void Plan_WhenTheSameRuleFiresForAnotherOccurrence_ThenTheKeysDiffer()
    {
        // Arrange: SI1 of enrolment 1, reminded on 8 March, is moved to 29 March and reminded again on 22 March.
        var scenario = new ReminderScenario();
        var session = scenario.IndividualSession(1);
        var original = scenario.Plan(Utc("2027-03-08T07:00:00Z"), "session-j-7").Where(r => r.TargetId == session.Id.ToString()).ToList();
        Reschedule(session, new DateOnly(2027, 3, 29), new TimeOnly(9, 0));

        // Act
        var moved = scenario.Plan(Utc("2027-03-22T07:00:00Z"), "session-j-7").Where(r => r.TargetId == session.Id.ToString()).ToList();

        // Assert
        Assert.Equal(3, original.Count);
        Assert.Equal(3, moved.Count);
        Assert.Empty(original.Select(r => r.IdempotencyKey).Intersect(moved.Select(r => r.IdempotencyKey)));
        Assert.All(moved, r => Assert.Contains(":2027-03-22:", r.IdempotencyKey, StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_WhenAReminderIsOlderThanTheLookback_ThenItIsNotPlanned()
    {
        // Arrange
        var scenario = new ReminderScenario();
        var lookback = ReminderPlanner.DefaultLookback;

        // Act
        var lastChance = scenario.Plan(Due + lookback - TimeSpan.FromMinutes(1), "session-j-7");
        var tooLate = scenario.Plan(Due + lookback, "session-j-7");
        var shortLookback = scenario.Plan(Due.AddHours(2), TimeSpan.FromHours(1)).Where(r => r.RuleId == "session-j-7");

        // Assert
        Assert.Equal(12, lastChance.Count);
        Assert.Empty(tooLate);
        Assert.Empty(shortLookback);
    }

    [Fact]
    public void Of_WhenTheAddressDiffersOnlyByCaseOrSpaces_ThenTheKeyIsTheSame()
    {
        // Act
        var a = ReminderKey.Of("session-j-7", ReminderTargetKind.Session, "abc", new DateOnly(2027, 3, 8), " Claire.Martin@CH-Exemple.fr ");
        var b = ReminderKey.Of("session-j-7", ReminderTargetKind.Session, "abc", new DateOnly(2027, 3, 8), "claire.martin@ch-exemple.fr");

        // Assert
        Assert.Equal("reminder:session-j-7:session:abc:2027-03-08:claire.martin@ch-exemple.fr", a);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Of_WhenTheKeyWouldExceedTheColumn_ThenItIsShortenedDeterministicallyAndStaysDistinct()
    {
        // Arrange
        var local = new string('x', 380);

        // Act
        var a = ReminderKey.Of("r", ReminderTargetKind.Checklist, "t", new DateOnly(2027, 3, 8), local + "@a.fr");
        var again = ReminderKey.Of("r", ReminderTargetKind.Checklist, "t", new DateOnly(2027, 3, 8), local + "@a.fr");
        var b = ReminderKey.Of("r", ReminderTargetKind.Checklist, "t", new DateOnly(2027, 3, 8), local + "@b.fr");

        // Assert
        Assert.Equal(ReminderKey.MaxLength, a.Length);
        Assert.Equal(a, again);
        Assert.NotEqual(a, b);
        Assert.StartsWith("reminder:r:checklist:t:2027-03-08:", a, StringComparison.Ordinal);
    }
}
