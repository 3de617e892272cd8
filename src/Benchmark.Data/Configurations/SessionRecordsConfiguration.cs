using Benchmark.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Benchmark.Data.Configurations;

internal sealed class SessionParticipantConfiguration : IEntityTypeConfiguration<SessionParticipant>
{
    public void Configure(EntityTypeBuilder<SessionParticipant> builder)
    {
        builder.ToTable("SessionParticipants");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Email).HasMaxLength(Lengths.Email);
        builder.Property(p => p.Name).HasMaxLength(Lengths.Name);
        builder.Property(p => p.ChangedBy).HasMaxLength(Lengths.Actor);
        builder.HasIndex(p => new { p.SessionRecordId, p.Email }).IsUnique();
        builder.HasOne<Session>().WithMany().HasForeignKey(p => p.SessionRecordId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SessionAttendanceConfiguration : IEntityTypeConfiguration<SessionAttendance>
{
    public void Configure(EntityTypeBuilder<SessionAttendance> builder)
    {
        builder.ToTable("SessionAttendances");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Email).HasMaxLength(Lengths.Email);
        builder.Property(a => a.Name).HasMaxLength(Lengths.Name);
        builder.Property(a => a.RecordedBy).HasMaxLength(Lengths.Actor);
        builder.HasIndex(a => new { a.SessionRecordId, a.Email }).IsUnique();
        builder.HasOne<Session>().WithMany().HasForeignKey(a => a.SessionRecordId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SessionReportConfiguration : IEntityTypeConfiguration<SessionReport>
{
    public void Configure(EntityTypeBuilder<SessionReport> builder)
    {
        builder.ToTable("SessionReports");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Comment).HasMaxLength(Lengths.Comment);
        builder.Property(r => r.SubmittedBy).HasMaxLength(Lengths.Actor);
        builder.HasIndex(r => r.SessionRecordId).IsUnique();
        builder.HasIndex(r => r.WaveId);
        builder.HasOne<Session>().WithMany().HasForeignKey(r => r.SessionRecordId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Wave>().WithMany().HasForeignKey(r => r.WaveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Lines).WithOne().HasForeignKey("SessionReportId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SessionReportLineConfiguration : IEntityTypeConfiguration<SessionReportLine>
{
    public void Configure(EntityTypeBuilder<SessionReportLine> builder)
    {
        builder.ToTable("SessionReportLines");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Establishment).HasMaxLength(Lengths.Name);
        builder.Property(l => l.Causes).HasMaxLength(Lengths.Comment);
        builder.Property(l => l.Comment).HasMaxLength(Lengths.Comment);
        builder.Ignore(l => l.ProgressPercent);
        builder.HasIndex(l => l.EnrolmentId);
        builder.HasOne<Enrolment>().WithMany().HasForeignKey(l => l.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
