using Benchmark.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Benchmark.Data.Configurations;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.ToTable("Agencies");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Name).HasMaxLength(Lengths.Name);
        builder.Property(a => a.Region).HasMaxLength(Lengths.Name);
    }
}

internal sealed class EstablishmentConfiguration : IEntityTypeConfiguration<Establishment>
{
    public void Configure(EntityTypeBuilder<Establishment> builder)
    {
        builder.ToTable("Establishments");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Finess).HasMaxLength(9);
        builder.Property(e => e.Name).HasMaxLength(Lengths.Name);
        builder.Property(e => e.City).HasMaxLength(Lengths.Name);
        builder.HasIndex(e => e.Finess).IsUnique();
        builder.HasOne<Agency>().WithMany().HasForeignKey(e => e.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> builder)
    {
        builder.ToTable("TeamMembers");
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.RoleId).HasMaxLength(Lengths.DefinitionId);
        builder.Property(m => m.FullName).HasMaxLength(Lengths.Name);
        builder.Property(m => m.Email).HasMaxLength(Lengths.Email);
        builder.HasIndex(m => new { m.EnrolmentId, m.RoleId, m.Email }).IsUnique();
        builder.HasIndex(m => m.Email);
        builder.HasIndex(m => m.UserId);
        builder.HasOne<Enrolment>().WithMany().HasForeignKey(m => m.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
