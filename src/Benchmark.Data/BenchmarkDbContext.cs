using Benchmark.Core.Domain;
using Benchmark.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Benchmark.Data;

/// <summary>
/// The one model of Benchmark, shared by the provider contexts (<see cref="SqliteBenchmarkDbContext"/>,
/// <see cref="PostgresBenchmarkDbContext"/>), each with its own migrations. Register and inject it as
/// <see cref="BenchmarkDbContext"/>; <c>AddBenchmarkData</c> picks the derived context from <c>Database:Provider</c>.
/// </summary>
public abstract class BenchmarkDbContext : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>
{
    protected BenchmarkDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>The entities two people can edit: each carries an optimistic concurrency token.</summary>
    public static IReadOnlyList<Type> Editable { get; } =
    [
        typeof(Enrolment), typeof(PhaseProgress), typeof(ChecklistEntry), typeof(Deliverable), typeof(Session), typeof(IndicatorValue), typeof(Core.Indicators.IndicatorPeriodReport),
        typeof(Group), typeof(Establishment), typeof(ProgrammeDefinition), typeof(OutboxMessage), typeof(Alert), typeof(Core.OfficeSurgery.CcamActVolume),
    ];

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<Establishment> Establishments => Set<Establishment>();

    public DbSet<ProgrammeDefinition> ProgrammeDefinitions => Set<ProgrammeDefinition>();

    public DbSet<Wave> Waves => Set<Wave>();

    public DbSet<Group> Groups => Set<Group>();

    public DbSet<Enrolment> Enrolments => Set<Enrolment>();

    public DbSet<Deliverable> Deliverables => Set<Deliverable>();

    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();

    public DbSet<Core.Indicators.IndicatorPeriodReport> IndicatorPeriodReports => Set<Core.Indicators.IndicatorPeriodReport>();

    public DbSet<Core.Indicators.ChartAnnotation> ChartAnnotations => Set<Core.Indicators.ChartAnnotation>();

    public DbSet<Alert> Alerts => Set<Alert>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();

    public DbSet<WaveReferent> WaveReferents => Set<WaveReferent>();

    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();

    public DbSet<Core.Grid.GridImport> GridImports => Set<Core.Grid.GridImport>();

    public DbSet<Core.Grid.GridEntry> GridEntries => Set<Core.Grid.GridEntry>();

    public DbSet<SessionParticipant> SessionParticipants => Set<SessionParticipant>();

    public DbSet<SessionAttendance> SessionAttendances => Set<SessionAttendance>();

    public DbSet<SessionReport> SessionReports => Set<SessionReport>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BeforeSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BeforeSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        base.ConfigureConventions(configurationBuilder);

        // Enums are stored by name: readable in SQL and safe when members are reordered.
        StoreAsString<EnrolmentStatus>(configurationBuilder);
        StoreAsString<PhaseStatus>(configurationBuilder);
        StoreAsString<ChecklistStatus>(configurationBuilder);
        StoreAsString<DeliverableStatus>(configurationBuilder);
        StoreAsString<ReviewDecision>(configurationBuilder);
        StoreAsString<EstablishmentType>(configurationBuilder);
        StoreAsString<SessionStatus>(configurationBuilder);
        StoreAsString<Core.Definitions.SessionKind>(configurationBuilder);
        StoreAsString<AlertSeverity>(configurationBuilder);
        StoreAsString<IndicatorValueStatus>(configurationBuilder);
        StoreAsString<OutboxStatus>(configurationBuilder);
        StoreAsString<AttendanceStatus>(configurationBuilder);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(BenchmarkDbContext).Assembly);
        foreach (var type in Editable)
        {
            ConfigureConcurrencyToken(builder.Entity(type));
        }
    }

    /// <summary>Adds the provider's optimistic concurrency token to an editable entity.</summary>
    protected abstract void ConfigureConcurrencyToken(EntityTypeBuilder entity);

    /// <summary>Hook for a provider whose token the application maintains (SQLite); runs on each modified entry.</summary>
    protected virtual void OnModified(EntityEntry entry)
    {
    }

    private static void StoreAsString<TEnum>(ModelConfigurationBuilder configurationBuilder)
        where TEnum : struct, Enum =>
        configurationBuilder.Properties<TEnum>().HaveConversion<string>().HaveMaxLength(32);

    private void BeforeSave()
    {
        ChangeTracker.DetectChanges();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEvent && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException(
                    $"The audit trail is append-only: audit event {entry.Property(nameof(AuditEvent.Id)).CurrentValue} cannot be {entry.State.ToString().ToLowerInvariant()}.");
            }

            if (entry.State == EntityState.Modified)
            {
                OnModified(entry);
            }
        }
    }
}
