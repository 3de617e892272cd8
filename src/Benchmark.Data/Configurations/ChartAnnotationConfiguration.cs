using Benchmark.Core.Domain;
using Benchmark.Core.Indicators;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Benchmark.Data.Configurations;

internal sealed class ChartAnnotationConfiguration : IEntityTypeConfiguration<ChartAnnotation>
{
    public void Configure(EntityTypeBuilder<ChartAnnotation> builder)
    {
        builder.ToTable("ChartAnnotations");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.IndicatorId).HasMaxLength(Lengths.DefinitionId);
        builder.Property(a => a.Text).HasMaxLength(ChartAnnotation.MaxText);
        builder.Property(a => a.Author).HasMaxLength(Lengths.Actor);
        builder.HasIndex(a => new { a.EnrolmentId, a.Date });
        builder.HasOne<Enrolment>().WithMany().HasForeignKey(a => a.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
