using Benchmark.Core.Domain;
using Benchmark.Core.Indicators;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Benchmark.Data.Configurations;

internal sealed class IndicatorPeriodReportConfiguration : IEntityTypeConfiguration<IndicatorPeriodReport>
{
    public void Configure(EntityTypeBuilder<IndicatorPeriodReport> builder)
    {
        builder.ToTable("IndicatorPeriodReports");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Period).HasMaxLength(16);
        builder.Property(r => r.SubmittedBy).HasMaxLength(Lengths.Actor);
        builder.Property(r => r.ReviewedBy).HasMaxLength(Lengths.Actor);
        builder.Property(r => r.UnlockedBy).HasMaxLength(Lengths.Actor);
        builder.Property(r => r.ReviewComment).HasMaxLength(Lengths.Comment);
        builder.Property(r => r.UnlockJustification).HasMaxLength(Lengths.Comment);
        builder.Ignore(r => r.IsEditable);
        builder.Ignore(r => r.IsLocked);
        builder.HasIndex(r => new { r.EnrolmentId, r.Period }).IsUnique();
        builder.HasOne<Enrolment>().WithMany().HasForeignKey(r => r.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
