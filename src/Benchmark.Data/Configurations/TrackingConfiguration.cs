using Benchmark.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Benchmark.Data.Configurations;

internal sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        builder.ToTable("IndicatorValues");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.IndicatorId).HasMaxLength(Lengths.DefinitionId);
        builder.Property(v => v.Period).HasMaxLength(16);
        builder.Property(v => v.InputId).HasMaxLength(Lengths.DefinitionId);
        builder.Property(v => v.Value).HasPrecision(18, 4);
        builder.Property(v => v.EnteredBy).HasMaxLength(Lengths.Actor);
        builder.HasIndex(v => new { v.EnrolmentId, v.IndicatorId, v.Period, v.InputId }).IsUnique();
        builder.HasOne<Enrolment>().WithMany().HasForeignKey(v => v.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.ToTable("Alerts");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Key).HasMaxLength(Lengths.Key);
        builder.Property(a => a.Message).HasMaxLength(Lengths.Comment);
        builder.Property(a => a.ResolvedBy).HasMaxLength(Lengths.Actor);
        builder.HasIndex(a => a.Key).IsUnique();
        builder.HasIndex(a => new { a.WaveId, a.ResolvedAt });
        builder.HasOne<Wave>().WithMany().HasForeignKey(a => a.WaveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Enrolment>().WithMany().HasForeignKey(a => a.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Append-only: the context refuses updates and deletes (see <see cref="BenchmarkDbContext"/>).</summary>
internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("AuditEvents");
        builder.Property(a => a.Id).ValueGeneratedOnAdd();
        builder.Property(a => a.Actor).HasMaxLength(Lengths.Actor);
        builder.Property(a => a.Action).HasMaxLength(Lengths.DefinitionId);
        builder.Property(a => a.Target).HasMaxLength(Lengths.Key);
        builder.Property(a => a.Justification).HasMaxLength(Lengths.Comment);
        builder.HasIndex(a => new { a.EnrolmentId, a.At });
        builder.HasIndex(a => new { a.WaveId, a.At });
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.IdempotencyKey).HasMaxLength(Lengths.Key);
        builder.Property(m => m.MessageId).HasMaxLength(Lengths.Key);
        builder.Property(m => m.Kind).HasMaxLength(Lengths.DefinitionId);
        builder.Property(m => m.Recipient).HasMaxLength(Lengths.Email);
        builder.Property(m => m.Subject).HasMaxLength(1000);
        builder.HasIndex(m => m.IdempotencyKey).IsUnique();
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
    }
}
