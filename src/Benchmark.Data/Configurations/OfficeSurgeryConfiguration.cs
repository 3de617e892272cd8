using Benchmark.Core.Domain;
using Benchmark.Core.OfficeSurgery;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Benchmark.Data.Configurations;

/// <summary>Serious adverse events (EIG) reported by office-surgery teams; never updated.</summary>
internal sealed class AdverseEventConfiguration : IEntityTypeConfiguration<AdverseEvent>
{
    public void Configure(EntityTypeBuilder<AdverseEvent> builder)
    {
        builder.ToTable("AdverseEvents");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Timing).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.CcamCode).HasMaxLength(7);
        builder.Property(e => e.Description).HasMaxLength(Lengths.Comment);
        builder.Property(e => e.Measures).HasMaxLength(Lengths.Comment);
        builder.Property(e => e.ReportedBy).HasMaxLength(Lengths.Actor);
        builder.HasIndex(e => new { e.EnrolmentId, e.ReportedAt });
        builder.HasOne<Enrolment>().WithMany().HasForeignKey(e => e.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Wave>().WithMany().HasForeignKey(e => e.WaveId).OnDelete(DeleteBehavior.Restrict);
    }
}
