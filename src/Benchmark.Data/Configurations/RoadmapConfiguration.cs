using Benchmark.Core.Domain;
using Benchmark.Core.Roadmap;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Benchmark.Data.Configurations;

/// <summary>Working drafts of structured deliverables (feuille de route, dossier de candidature): one per enrolment and deliverable.</summary>
internal sealed class DraftDocumentConfiguration : IEntityTypeConfiguration<DraftDocument>
{
    public void Configure(EntityTypeBuilder<DraftDocument> builder)
    {
        builder.ToTable("DraftDocuments");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.DeliverableId).HasMaxLength(Lengths.DefinitionId);
        builder.Property(d => d.UpdatedBy).HasMaxLength(Lengths.Actor);
        builder.HasIndex(d => new { d.EnrolmentId, d.DeliverableId }).IsUnique();
        builder.HasOne<Enrolment>().WithMany().HasForeignKey(d => d.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Live state of the actions of each submitted roadmap version (status, progress; title and due date copied for lateness queries).</summary>
internal sealed class RoadmapActionStateConfiguration : IEntityTypeConfiguration<RoadmapActionState>
{
    public void Configure(EntityTypeBuilder<RoadmapActionState> builder)
    {
        builder.ToTable("RoadmapActionStates");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.DeliverableId).HasMaxLength(Lengths.DefinitionId);
        builder.Property(s => s.ActionId).HasMaxLength(64);
        builder.Property(s => s.Title).HasMaxLength(Lengths.Comment);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.UpdatedBy).HasMaxLength(Lengths.Actor);
        builder.HasIndex(s => new { s.EnrolmentId, s.DeliverableId, s.Version, s.ActionId }).IsUnique();
        builder.HasIndex(s => new { s.EnrolmentId, s.Due });
        builder.HasOne<Enrolment>().WithMany().HasForeignKey(s => s.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The progress history of each action: one row per update by the team, oldest first by <c>At</c>.</summary>
internal sealed class RoadmapActionUpdateConfiguration : IEntityTypeConfiguration<RoadmapActionUpdate>
{
    public void Configure(EntityTypeBuilder<RoadmapActionUpdate> builder)
    {
        builder.ToTable("RoadmapActionUpdates");
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.By).HasMaxLength(Lengths.Actor);
        builder.Property(u => u.PreviousStatus).HasConversion<string>().HasMaxLength(32);
        builder.Property(u => u.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(u => u.Comment).HasMaxLength(RoadmapActionState.MaxCommentLength);
        builder.Ignore(u => u.Before);
        builder.Ignore(u => u.After);
        builder.HasIndex(u => new { u.ActionStateId, u.At });
        builder.HasOne<RoadmapActionState>().WithMany().HasForeignKey(u => u.ActionStateId).OnDelete(DeleteBehavior.Cascade);
    }
}
