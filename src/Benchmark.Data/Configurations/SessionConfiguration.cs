using Benchmark.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Benchmark.Data.Configurations;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.ToTable("Sessions");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.SessionId).HasMaxLength(Lengths.DefinitionId);
        builder.Property(s => s.Location).HasMaxLength(Lengths.Comment);
        builder.Property(s => s.VisioUrl).HasMaxLength(Lengths.Url);
        builder.Property(s => s.Uid).HasMaxLength(Lengths.Key);
        builder.Property(s => s.CancelReason).HasMaxLength(Lengths.Comment);
        // One row per occurrence of a definition slot: a cancelled session planned again is a new row (a new UID).
        builder.HasIndex(s => new { s.WaveId, s.GroupId, s.EnrolmentId, s.SessionId, s.Occurrence }).IsUnique();
        builder.HasIndex(s => s.ReplacesId).IsUnique();
        builder.HasIndex(s => s.Uid).IsUnique();
        builder.HasIndex(s => new { s.Status, s.StartUtc });
        // The reminder sweep's reads by end: reports due within the rules' reach, and late ones over its horizon.
        builder.HasIndex(s => new { s.Status, s.EndUtc });
        builder.HasIndex(s => s.EnrolmentId);
        builder.HasIndex(s => s.GroupId);
        builder.HasOne<Wave>().WithMany().HasForeignKey(s => s.WaveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Group>().WithMany().HasForeignKey(s => s.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Enrolment>().WithMany().HasForeignKey(s => s.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
