using Benchmark.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Benchmark.Data.Configurations;

internal sealed class ProgrammeDefinitionConfiguration : IEntityTypeConfiguration<ProgrammeDefinition>
{
    public void Configure(EntityTypeBuilder<ProgrammeDefinition> builder)
    {
        builder.ToTable("ProgrammeDefinitions");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.ProgrammeId).HasMaxLength(Lengths.DefinitionId);
        builder.Property(d => d.Title).HasMaxLength(Lengths.Name * 2);
        builder.Property(d => d.Hash).HasMaxLength(64);
        builder.HasIndex(d => new { d.ProgrammeId, d.Version }).IsUnique();
    }
}
