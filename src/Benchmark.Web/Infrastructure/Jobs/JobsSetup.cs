using Benchmark.Web.Infrastructure.Reminders;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

namespace Benchmark.Web.Infrastructure.Jobs;

/// <summary>
/// Hangfire: storage (InMemory beside SQLite, PostgreSQL beside PostgreSQL), a server when <c>Jobs:Enabled</c>,
/// the recurring jobs of <see cref="RecurringJobs"/>, the "jobs" health check and the dashboard at <c>/jobs</c>
/// (ArsAdmin only; anyone else gets a 404, the anonymous the sign-in page).
/// <para>
/// <see cref="Mail.OutboxDispatchService"/> stays: it dispatches every few seconds so an invitation leaves at once,
/// which a cron job (one minute at best) cannot do; "outbox-dispatch" is the safety net that runs on whichever node
/// holds the Hangfire server. Both may run together: the dispatcher claims messages under a lease.
/// </para>
/// </summary>
public static class JobsSetup
{
    public const string DashboardPath = "/jobs";

    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var options = JobsOptions.From(configuration);
        services.AddSingleton(options);
        services.AddScoped<ReminderSweep>();
        services.AddTransient<OutboxDispatchJob>();
        services.AddTransient<ReminderSweepJob>();
        // This app's own storage, registered before AddHangfire (which only adds one if none is there): Hangfire's
        // default is the process-wide JobStorage.Current, which two hosts in one process (tests) would share.
        services.AddSingleton<JobStorage>(_ => options.Storage == JobStorageKind.PostgreSql
            ? PostgreSqlStorageFor(options.ConnectionString!)
            : new InMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromHours(6) }));
        // Likewise the activator (AddHangfire only adds the process-wide JobActivator.Current if none is registered).
        services.AddSingleton<JobActivator>(sp => new HostJobActivator(sp));
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(sp.GetRequiredService<JobStorage>()));
        if (options.Enabled)
        {
            services.AddHangfireServer(o =>
            {
                o.WorkerCount = options.WorkerCount;
                o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
                o.ShutdownTimeout = TimeSpan.FromSeconds(5);
                o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
        }

        services.AddHealthChecks().AddCheck<JobsHealthCheck>("jobs");
        return services;
    }

    private static PostgreSqlStorage PostgreSqlStorageFor(string connectionString)
    {
        var storageOptions = new PostgreSqlStorageOptions
        {
            UseSlidingInvisibilityTimeout = true,
            QueuePollInterval = TimeSpan.FromSeconds(1),
            PrepareSchemaIfNecessary = true,
            SchemaName = "hangfire",
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storageOptions), storageOptions);
    }

    /// <summary>Registers the recurring jobs and maps the dashboard (after authentication, so the user is known).</summary>
    public static WebApplication UseJobs(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        RecurringJobs.Register(app.Services.GetRequiredService<IRecurringJobManager>());
        app.UseWhen(http => http.Request.Path.StartsWithSegments(DashboardPath), branch => branch.Use(async (http, next) =>
        {
            if (!JobsDashboardAuthorization.IsAllowed(http))
            {
                // Not an admin: the dashboard does not exist for them.
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(http);
        }));
        app.UseHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new JobsDashboardAuthorization()],
            AppPath = "/",
            DashboardTitle = "Benchmark — tâches",
            DisplayStorageConnectionString = false,
        });
        return app;
    }
}
