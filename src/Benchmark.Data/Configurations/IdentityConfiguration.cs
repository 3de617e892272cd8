using Benchmark.Core.Domain;
using Benchmark.Data.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Benchmark.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(Lengths.Name).IsRequired();
        builder.HasOne<Agency>().WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PersonalAccessTokenConfiguration : IEntityTypeConfiguration<PersonalAccessToken>
{
    public void Configure(EntityTypeBuilder<PersonalAccessToken> builder)
    {
        builder.ToTable("PersonalAccessTokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(Lengths.Name).IsRequired();
        builder.Property(t => t.Prefix).HasMaxLength(16).IsRequired();
        builder.Property(t => t.Hash).HasMaxLength(64).IsRequired();
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.ToTable("CalendarFeeds");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(f => f.TokenHash).IsUnique();
        builder.HasIndex(f => f.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WaveReferentConfiguration : IEntityTypeConfiguration<WaveReferent>
{
    public void Configure(EntityTypeBuilder<WaveReferent> builder)
    {
        builder.ToTable("WaveReferents");
        builder.HasKey(r => new { r.WaveId, r.UserId });
        builder.HasOne<Wave>().WithMany().HasForeignKey(r => r.WaveId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Links from the domain to accounts: a group's consultant, a team member's account.</summary>
internal sealed class AccountLinksConfiguration : IEntityTypeConfiguration<TeamMember>, IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<TeamMember> builder)
    {
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => m.UserId);
    }

    public void Configure(EntityTypeBuilder<Group> builder)
    {
        builder.HasOne<AppUser>().WithMany().HasForeignKey(g => g.ConsultantId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(g => g.ConsultantId);
    }
}
