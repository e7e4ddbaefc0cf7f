using CrisisComms.Server.Changes;
using CrisisComms.Server.Dispatch;
using CrisisComms.Server.Webhooks;
using Microsoft.Extensions.Options;
using Quartz;

namespace CrisisComms.Server.Configuration;

internal static class DispatchExtensions
{
    /// <summary>
    /// Quartz in memory on every node: a sweep every SweepInterval plus a wake-up at each stage's due
    /// time. Nothing of the plan lives in Quartz, so a restart or a dead node loses nothing.
    /// </summary>
    public static IServiceCollection AddCrisisDispatch(this IServiceCollection services, IConfiguration configuration)
    {
        var sweep = configuration.GetSection(DispatchOptions.Section).Get<DispatchOptions>()?.SweepInterval ?? TimeSpan.FromSeconds(1);
        services.AddQuartz(q =>
        {
            q.AddJob<DispatchJob>(j => j.WithIdentity(DispatchClock.Job).StoreDurably());
            q.AddTrigger<DispatchJob>(t => t.ForJob(DispatchClock.Job).WithIdentity("dispatch-sweep", "crisiscomms").StartNow()
                .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(sweep).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        });
        // Registered before Quartz so it stops after it: the clock claims nothing more, then the posts under way drain.
        services.AddHostedService<SocialWorker>();
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddSingleton<DispatchClock>();
        services.AddSingleton<ChangePipeline>();
        services.AddSingleton<EventLog>();
        services.AddSingleton<SocialWork>();
        services.AddSingleton<StageRunner>();
        services.AddSingleton<SocialStageRunner>();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("CrisisComms:Dispatch:Social").Get<SocialPostOptions>() ?? new SocialPostOptions());
        services.AddCrisisWebhooks();
        return services;
    }
}
