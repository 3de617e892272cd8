using Benchmark.Core.Domain;
using Benchmark.Core.Runtime;
using static Benchmark.Core.Tests.Runtime.EnrolmentHarness;

namespace Benchmark.Core.Tests.Runtime;

/// <summary>Draft → Submitted → Approved | ChangesRequested → Submitted (next version) → …</summary>
public sealed class DeliverableReviewTests
{
    private const string Note = "note-de-cadrage";

    [Fact]
    public void Execute_WhenApprovingBeforeAnySubmission_ThenItIsRefused()
    {
        // Arrange
        var harness = Started();

        // Act
        var result = harness.Run(new ApproveDeliverable(ArsReferent, Note, 1, null));

        // Assert
        Assert.Contains("il n'a pas été déposé", result.Error!.Message, StringComparison.Ordinal);
        Assert.Null(harness.Enrolment.Deliverable(Note));
    }

    [Fact]
    public void Execute_WhenSubmittedThenApproved_ThenVersionOneIsApproved()
    {
        // Arrange
        var harness = Started();
        var submitted = harness.Ok(new SubmitDeliverable(ChefDeProjet, Note, Pdf("note.pdf")));

        // Act
        var reviewed = harness.Ok(new ApproveDeliverable(ArsReferent, Note, 1, " Très claire "));

        // Assert
        var submission = Assert.IsType<DeliverableSubmitted>(Assert.Single(submitted));
        Assert.Equal((1, "ars-referent"), (submission.Version, submission.ApproverRole));
        var review = Assert.IsType<DeliverableReviewed>(Assert.Single(reviewed));
        Assert.Equal((1, ReviewDecision.Approved, "Très claire"), (review.Version, review.Decision, review.Comment));
        var record = harness.Enrolment.Deliverable(Note)!;
        Assert.Equal(DeliverableStatus.Approved, record.Status);
        Assert.Equal("note.pdf", Assert.Single(record.Submissions).FileName);
        Assert.Equal("Inès Roux", Assert.Single(record.Reviews).Reviewer);
    }

    [Fact]
    public void Execute_WhenChangesAreRequestedThenResubmitted_ThenVersionTwoCanBeApproved()
    {
        // Arrange
        var harness = Started();
        harness.Submit(Note, ChefDeProjet);
        harness.Ok(new RequestChanges(ArsReferent, Note, 1, "Préciser le calendrier"));
        Assert.Equal(DeliverableStatus.ChangesRequested, harness.Enrolment.Deliverable(Note)!.Status);

        // Act
        var resubmitted = harness.Ok(new SubmitDeliverable(Directeur, Note, Pdf("note-v2.pdf")));
        var approved = harness.Ok(new ApproveDeliverable(ArsReferent, Note, 2, null));

        // Assert
        Assert.Equal(2, Assert.IsType<DeliverableSubmitted>(resubmitted[0]).Version);
        Assert.Equal(2, Assert.IsType<DeliverableReviewed>(approved[0]).Version);
        var record = harness.Enrolment.Deliverable(Note)!;
        Assert.Equal((DeliverableStatus.Approved, 2), (record.Status, record.CurrentVersion));
        Assert.Equal([1, 2], record.Submissions.Select(s => s.Version));
        Assert.Equal([ReviewDecision.ChangesRequested, ReviewDecision.Approved], record.Reviews.Select(r => r.Decision));
        Assert.Equal("Préciser le calendrier", record.Reviews[0].Comment);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Execute_WhenRequestingChangesWithoutAComment_ThenItIsRefused(string comment)
    {
        // Arrange
        var harness = Started();
        harness.Submit(Note, ChefDeProjet);

        // Act
        var result = harness.Run(new RequestChanges(ArsReferent, Note, 1, comment));

        // Assert
        Assert.Equal("invalid", result.Error!.Code);
        Assert.Equal(DeliverableStatus.Submitted, harness.Enrolment.Deliverable(Note)!.Status);
    }

    [Fact]
    public void Execute_WhenApprovingAnOlderVersion_ThenItIsRefused()
    {
        // Arrange
        var harness = Started();
        harness.Submit(Note, ChefDeProjet);
        harness.Ok(new RequestChanges(ArsReferent, Note, 1, "Compléter"));
        harness.Submit(Note, ChefDeProjet);

        // Act
        var result = harness.Run(new ApproveDeliverable(ArsReferent, Note, 1, null));

        // Assert
        Assert.Equal("conflict", result.Error!.Code);
        Assert.Contains("(v2)", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(DeliverableStatus.Submitted, harness.Enrolment.Deliverable(Note)!.Status);
    }

    [Theory]
    [InlineData("consultant")]
    [InlineData("chef-de-projet")]
    public void Execute_WhenTheWrongRoleApproves_ThenItIsRefused(string role)
    {
        // Arrange
        var harness = Started();
        harness.Submit(Note, ChefDeProjet);

        // Act
        var result = harness.Run(new ApproveDeliverable(Consultant with { Role = role }, Note, 1, null));

        // Assert
        Assert.Contains("est validé par le rôle 'ars-referent'", result.Error!.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Enrolment.Deliverable(Note)!.Reviews);
    }

    [Fact]
    public void Execute_WhenDecidingTwiceOnTheSameVersion_ThenTheSecondDecisionIsRefused()
    {
        // Arrange
        var harness = Started();
        harness.SubmitAndApprove(Note, ChefDeProjet);

        // Act
        var again = harness.Run(new RequestChanges(ArsReferent, Note, 1, "Finalement, non"));

        // Assert
        Assert.Contains("déjà", again.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(DeliverableStatus.Approved, harness.Enrolment.Deliverable(Note)!.Status);
        Assert.Single(harness.Enrolment.Deliverable(Note)!.Reviews);
    }

    [Fact]
    public void Execute_WhenSubmittingWhileAVersionAwaitsReview_ThenItIsRefused()
    {
        // Arrange
        var harness = Started();
        harness.Submit(Note, ChefDeProjet);

        // Act
        var result = harness.Run(new SubmitDeliverable(ChefDeProjet, Note, Pdf("bis.pdf")));

        // Assert
        Assert.Contains("attend déjà une décision", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(1, harness.Enrolment.Deliverable(Note)!.CurrentVersion);
    }

    [Fact]
    public void Execute_WhenSubmittingAfterApproval_ThenItIsRefused()
    {
        // Arrange
        var harness = Started();
        harness.SubmitAndApprove(Note, ChefDeProjet);

        // Act
        var result = harness.Run(new SubmitDeliverable(ChefDeProjet, Note, Pdf("v2.pdf")));

        // Assert
        Assert.Contains("déjà validé", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_WhenAnotherSideSubmits_ThenItIsRefused()
    {
        // Arrange
        var harness = Started();

        // Act
        var consultant = harness.Run(new SubmitDeliverable(Consultant, Note, Pdf("note.pdf")));
        var ars = harness.Run(new SubmitDeliverable(ArsReferent, Note, Pdf("note.pdf")));

        // Assert
        Assert.Contains("est déposé par le rôle 'chef-de-projet'", consultant.Error!.Message, StringComparison.Ordinal);
        Assert.Equal("not_allowed", ars.Error!.Code);
        Assert.Null(harness.Enrolment.Deliverable(Note));
    }

    [Fact]
    public void Execute_WhenTheSubmissionIsEmpty_ThenItIsRefused()
    {
        // Arrange
        var harness = Started();

        // Act
        var result = harness.Run(new SubmitDeliverable(ChefDeProjet, Note, new SubmissionContent(null, null, null, null, null, null)));

        // Assert
        Assert.Contains("Le dépôt est vide", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_WhenSubmittingInAPendingPhase_ThenItIsRefused()
    {
        // Arrange
        var harness = Started();

        // Act
        var result = harness.Run(new SubmitDeliverable(Consultant, "rapport-final", Pdf("rapport.pdf")));

        // Assert
        Assert.Contains("pas encore ouverte", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_WhenReviewingADeliverableWithoutApprover_ThenItIsRefused()
    {
        // Arrange: the contact sheet only needs to be submitted.
        var harness = Started();
        harness.Submit("fiche-contact", ChefDeProjet);

        // Act
        var result = harness.Run(new ApproveDeliverable(ArsReferent, "fiche-contact", 1, null));

        // Assert
        Assert.Contains("ne demande pas de validation", result.Error!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(GateEvaluator.Missing(harness.Definition, harness.Enrolment, EnrolmentContext.Empty, "cadrage"),
            m => m.Contains("Fiche contact", StringComparison.Ordinal));
    }
}
