using Benchmark.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Benchmark.Data.Configurations;

internal sealed class WaveConfiguration : IEntityTypeConfiguration<Wave>
{
    public void Configure(EntityTypeBuilder<Wave> builder)
    {
        builder.ToTable("Waves");
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Name).HasMaxLength(Lengths.Name);
        builder.Ignore(w => w.AnchorDates);
        builder.HasOne<Agency>().WithMany().HasForeignKey(w => w.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ProgrammeDefinition>().WithMany().HasForeignKey(w => w.DefinitionId).OnDelete(DeleteBehavior.Restrict);

        builder.OwnsMany(w => w.Anchors, anchor =>
        {
            anchor.ToTable("WaveAnchors");
            anchor.WithOwner().HasForeignKey("WaveId");
            anchor.Property(a => a.Name).HasMaxLength(Lengths.DefinitionId);
            anchor.HasKey("WaveId", nameof(WaveAnchor.Name));
        });
        builder.Navigation(w => w.Anchors).HasField("_anchors").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> builder)
    {
        builder.ToTable("Groups");
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.Name).HasMaxLength(Lengths.Name);
        builder.HasIndex(g => new { g.WaveId, g.Name }).IsUnique();
        builder.HasIndex(g => g.ConsultantId);
        builder.HasOne<Wave>().WithMany().HasForeignKey(g => g.WaveId).OnDelete(DeleteBehavior.Restrict);
    }
}
