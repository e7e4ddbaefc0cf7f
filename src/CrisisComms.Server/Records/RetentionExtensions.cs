using Quartz;

namespace CrisisComms.Server.Records;

internal static class RetentionExtensions
{
    /// <summary>
    /// The retention sweep on the clock (Quartz, in memory on every node, as the dispatch sweep):
    /// only when a period is set. Nothing of it lives in Quartz; what is due is read from the store.
    /// </summary>
    public static IServiceCollection AddCrisisRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ArchiveDigest>();
        services.AddSingleton<IncidentRetention>();
        services.AddSingleton<AccountRetention>();
        var options = configuration.GetSection(RetentionOptions.Section).Get<RetentionOptions>() ?? new RetentionOptions();
        if (!options.Enabled || options.SweepInterval <= TimeSpan.Zero) return services;
        services.AddQuartz(q =>
        {
            q.AddJob<RetentionJob>(j => j.WithIdentity(RetentionJob.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(RetentionJob.Key).WithIdentity("retention-sweep", "crisiscomms").StartNow()
                .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(options.SweepInterval).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        });
        return services;
    }
}
