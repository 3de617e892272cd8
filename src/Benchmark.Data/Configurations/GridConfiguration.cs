using Benchmark.Core.Domain;
using Benchmark.Core.Grid;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Benchmark.Data.Configurations;

internal sealed class GridImportConfiguration : IEntityTypeConfiguration<GridImport>
{
    public void Configure(EntityTypeBuilder<GridImport> builder)
    {
        builder.ToTable("GridImports");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.GridId).HasMaxLength(Lengths.DefinitionId);
        builder.Property(i => i.FileName).HasMaxLength(Lengths.Name);
        builder.Property(i => i.Sha256).HasMaxLength(64);
        builder.Property(i => i.ImportedBy).HasMaxLength(Lengths.Actor);
        builder.HasIndex(i => new { i.EnrolmentId, i.Sha256 }).IsUnique();
        builder.HasOne<Enrolment>().WithMany().HasForeignKey(i => i.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// Grid rows are bulk-loaded (binary COPY on PostgreSQL): the id is the row identity, and only the enrolment key is
/// enforced (ImportId is informative, without a foreign key, to spare a per-row check on millions of rows).
/// </summary>
internal sealed class GridEntryConfiguration : IEntityTypeConfiguration<GridEntry>
{
    public void Configure(EntityTypeBuilder<GridEntry> builder)
    {
        builder.ToTable("GridEntries");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Activity).HasMaxLength(Lengths.DefinitionId);
        builder.Property(e => e.Provenance).HasMaxLength(Lengths.DefinitionId);
        builder.Property(e => e.AppointmentType).HasMaxLength(Lengths.DefinitionId);
        builder.HasIndex(e => new { e.EnrolmentId, e.Month });
        builder.HasOne<Enrolment>().WithMany().HasForeignKey(e => e.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
