using Benchmark.Core.Domain;
using Benchmark.Core.OfficeSurgery;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Benchmark.Data.Configurations;

/// <summary>The yearly per-CCAM-code act register of office-surgery enrolments: one line per enrolment, year and code.</summary>
internal sealed class OfficeSurgeryActsConfiguration : IEntityTypeConfiguration<CcamActVolume>
{
    public void Configure(EntityTypeBuilder<CcamActVolume> builder)
    {
        builder.ToTable("CcamActVolumes");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Code).HasMaxLength(7);
        builder.Property(v => v.EnteredBy).HasMaxLength(Lengths.Actor);
        builder.Ignore(v => v.Counts);
        builder.HasIndex(v => new { v.EnrolmentId, v.Year, v.Code }).IsUnique();
        builder.HasOne<Enrolment>().WithMany().HasForeignKey(v => v.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
