using Quartz;

namespace CrisisComms.Server.Dispatch;

/// <summary>Fired by the sweep and by wake-ups; one run at a time per node.</summary>
[DisallowConcurrentExecution]
internal sealed class DispatchJob(StageRunner runner) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await runner.RunDueAsync(cancellationToken);
}
