using Benchmark.Core.Domain;
using Benchmark.Core.Indicators;

namespace Benchmark.Core.Tests.Indicators;

public sealed class IndicatorPeriodReportTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static IndicatorPeriodReport Submitted()
    {
        var report = new IndicatorPeriodReport(Guid.NewGuid(), Guid.NewGuid(), "2027-B1");
        Assert.True(report.Submit("equipe", Now).IsSuccess);
        return report;
    }

    [Fact]
    public void Submit_WhenDraft_ThenSubmittedAndNoLongerEditable()
    {
        // Act
        var report = Submitted();

        // Assert
        Assert.Equal(IndicatorValueStatus.Submitted, report.Status);
        Assert.False(report.IsEditable);
        Assert.Equal("equipe", report.SubmittedBy);
        Assert.False(report.Submit("equipe", Now).IsSuccess);
    }

    [Fact]
    public void Validate_WhenSubmitted_ThenLocked()
    {
        // Arrange
        var report = Submitted();

        // Act
        var result = report.Validate("consultant", null, Now);

        // Assert
        Assert.True(result.IsSuccess);
        Assert.True(report.IsLocked);
        Assert.False(report.IsEditable);
        Assert.False(report.SendBack("consultant", "trop tard", Now).IsSuccess);
    }

    [Fact]
    public void SendBack_WhenNoComment_ThenRefusedAndStillSubmitted()
    {
        // Arrange
        var report = Submitted();

        // Act
        var result = report.SendBack("consultant", "  ", Now);

        // Assert
        Assert.Equal("Indiquez à l'équipe ce qu'il faut corriger.", result.Error!.Message);
        Assert.Equal(IndicatorValueStatus.Submitted, report.Status);
    }

    [Fact]
    public void SendBack_WhenCommented_ThenEditableAgainWithTheComment()
    {
        // Arrange
        var report = Submitted();

        // Act
        report.SendBack("consultant", "Vérifiez le nombre de séjours.", Now);

        // Assert
        Assert.Equal(IndicatorValueStatus.SentBack, report.Status);
        Assert.True(report.IsEditable);
        Assert.Equal("Vérifiez le nombre de séjours.", report.ReviewComment);
        Assert.True(report.Submit("equipe", Now).IsSuccess);
    }

    [Fact]
    public void Unlock_WhenValidatedWithJustification_ThenDraftAndTraced()
    {
        // Arrange
        var report = Submitted();
        report.Validate("consultant", null, Now);

        // Act
        var refused = report.Unlock("admin", "", Now);
        var unlocked = report.Unlock("admin", "Erreur de saisie signalée par l'établissement", Now);

        // Assert
        Assert.False(refused.IsSuccess);
        Assert.True(unlocked.IsSuccess);
        Assert.True(report.IsEditable);
        Assert.Equal("Erreur de saisie signalée par l'établissement", report.UnlockJustification);
    }

    [Fact]
    public void Unlock_WhenNotValidated_ThenRefused() =>
        Assert.False(Submitted().Unlock("admin", "raison", Now).IsSuccess);
}
