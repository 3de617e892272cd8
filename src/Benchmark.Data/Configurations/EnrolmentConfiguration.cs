using Benchmark.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Benchmark.Data.Configurations;

/// <summary>
/// The enrolment aggregate: its phases, checklist, deliverables and gate decisions are entities of their own
/// (each with a concurrency token and queryable alone) that load with the enrolment (auto-include).
/// </summary>
internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> builder)
    {
        builder.ToTable("Enrolments");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.CurrentPhaseId).HasMaxLength(Lengths.DefinitionId);
        builder.HasIndex(e => new { e.WaveId, e.EstablishmentId }).IsUnique();
        builder.HasOne<Wave>().WithMany().HasForeignKey(e => e.WaveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Group>().WithMany().HasForeignKey(e => e.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Establishment>().WithMany().HasForeignKey(e => e.EstablishmentId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(e => e.Phases).WithOne().HasForeignKey(p => p.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Checklist).WithOne().HasForeignKey(c => c.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Deliverables).WithOne().HasForeignKey(d => d.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Decisions).WithOne().HasForeignKey(d => d.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        Child(builder.Navigation(e => e.Phases), "_phases");
        Child(builder.Navigation(e => e.Checklist), "_checklist");
        Child(builder.Navigation(e => e.Deliverables), "_deliverables");
        Child(builder.Navigation(e => e.Decisions), "_decisions");
    }

    internal static void Child<TEntity, TChild>(NavigationBuilder<TEntity, TChild> navigation, string field)
        where TEntity : class
        where TChild : class =>
        navigation.HasField(field).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
}

internal sealed class PhaseProgressConfiguration : IEntityTypeConfiguration<PhaseProgress>
{
    public void Configure(EntityTypeBuilder<PhaseProgress> builder)
    {
        builder.ToTable("PhaseProgress");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.PhaseId).HasMaxLength(Lengths.DefinitionId);
        builder.Property(p => p.ClosedBy).HasMaxLength(Lengths.Actor);
        builder.Property(p => p.ForcedJustification).HasMaxLength(Lengths.Comment);
        builder.HasIndex(p => new { p.EnrolmentId, p.PhaseId }).IsUnique();
    }
}

internal sealed class ChecklistEntryConfiguration : IEntityTypeConfiguration<ChecklistEntry>
{
    public void Configure(EntityTypeBuilder<ChecklistEntry> builder)
    {
        builder.ToTable("ChecklistEntries");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.ItemId).HasMaxLength(Lengths.DefinitionId);
        builder.Property(c => c.By).HasMaxLength(Lengths.Actor);
        builder.Property(c => c.Comment).HasMaxLength(Lengths.Comment);
        builder.HasIndex(c => new { c.EnrolmentId, c.ItemId }).IsUnique();
    }
}

internal sealed class DeliverableConfiguration : IEntityTypeConfiguration<Deliverable>
{
    public void Configure(EntityTypeBuilder<Deliverable> builder)
    {
        builder.ToTable("Deliverables");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.DeliverableId).HasMaxLength(Lengths.DefinitionId);
        builder.Ignore(d => d.CurrentVersion);
        builder.HasIndex(d => new { d.EnrolmentId, d.DeliverableId }).IsUnique();
        builder.HasIndex(d => d.Status);

        builder.HasMany(d => d.Submissions).WithOne().HasForeignKey(s => s.DeliverableRecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Reviews).WithOne().HasForeignKey(r => r.DeliverableRecordId).OnDelete(DeleteBehavior.Cascade);
        EnrolmentConfiguration.Child(builder.Navigation(d => d.Submissions), "_submissions");
        EnrolmentConfiguration.Child(builder.Navigation(d => d.Reviews), "_reviews");
    }
}

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> builder)
    {
        builder.ToTable("Submissions");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.SubmittedBy).HasMaxLength(Lengths.Actor);
        builder.Property(s => s.FileName).HasMaxLength(255);
        builder.Property(s => s.ContentType).HasMaxLength(255);
        builder.Property(s => s.Sha256).HasMaxLength(64);
        builder.Property(s => s.StoragePath).HasMaxLength(1000);
        builder.HasIndex(s => new { s.DeliverableRecordId, s.Version }).IsUnique();
    }
}

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.ToTable("Reviews");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Reviewer).HasMaxLength(Lengths.Actor);
        builder.Property(r => r.Comment).HasMaxLength(Lengths.Comment);
        builder.HasIndex(r => new { r.DeliverableRecordId, r.Version });
    }
}

internal sealed class GateDecisionConfiguration : IEntityTypeConfiguration<GateDecision>
{
    public void Configure(EntityTypeBuilder<GateDecision> builder)
    {
        builder.ToTable("GateDecisions");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.PhaseId).HasMaxLength(Lengths.DefinitionId);
        builder.Property(d => d.By).HasMaxLength(Lengths.Actor);
        builder.Property(d => d.Comment).HasMaxLength(Lengths.Comment);
        builder.HasIndex(d => new { d.EnrolmentId, d.PhaseId });
    }
}
