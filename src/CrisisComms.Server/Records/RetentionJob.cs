using Quartz;

namespace CrisisComms.Server.Records;

/// <summary>Fired every CrisisComms:Retention:SweepInterval; one run at a time per node.</summary>
[DisallowConcurrentExecution]
internal sealed class RetentionJob(IncidentRetention incidents, AccountRetention accounts, ILogger<RetentionJob> logger) : IJob
{
    public static readonly JobKey Key = new("retention", "crisiscomms");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await incidents.PurgeDueAsync(cancellationToken);
            await accounts.RemoveDueAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Nothing half done: each purge is one atomic write. The next sweep tries again.
            logger.LogWarning(e, "The retention sweep failed; it runs again in the next interval");
        }
    }
}
