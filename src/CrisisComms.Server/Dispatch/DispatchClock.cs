using Quartz;

namespace CrisisComms.Server.Dispatch;

/// <summary>
/// Quartz is the clock, the store the truth: a wake-up carries no work of its own, it only makes
/// the dispatch job look at the store at that moment. A lost wake-up costs at most one sweep interval.
/// </summary>
internal sealed class DispatchClock(ISchedulerFactory schedulers, TimeProvider time, ILogger<DispatchClock> logger)
{
    public static readonly JobKey Job = new("dispatch", "crisiscomms");

    public void WakeAt(DateTimeOffset? at)
    {
        if (at is null) return;
        _ = ScheduleAsync(at.Value);
    }

    private async Task ScheduleAsync(DateTimeOffset at)
    {
        try
        {
            var scheduler = await schedulers.GetScheduler();
            if (await scheduler.GetStatus() is SchedulerStatus.Shutdown or SchedulerStatus.ShuttingDown) return;
            var now = time.GetUtcNow();
            var trigger = TriggerBuilder.Create(time)
                .ForJob(Job)
                .StartAt(at < now ? now : at)
                .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build();
            await scheduler.ScheduleJob(trigger);
        }
        catch (Exception e) when (e is SchedulerException or ObjectDisposedException)
        {
            logger.LogWarning(e, "Could not set a wake-up at {DueAt}; the sweep will pick the work up", at);
        }
    }
}
