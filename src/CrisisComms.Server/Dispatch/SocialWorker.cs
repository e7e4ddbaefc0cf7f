namespace CrisisComms.Server.Dispatch;

/// <summary>
/// Owns every social post and deletion on this node: at most <see cref="SocialPostOptions.Concurrency"/>
/// at a time, each one observed to its end. On shutdown it takes no new work and waits for the
/// calls under way — their outcomes saved — until the host's shutdown timeout; what is still
/// running then is cancelled and its lease lapses for another node.
/// </summary>
internal sealed class SocialWorker(SocialWork work, SocialStageRunner runner, SocialPostOptions options, ILogger<SocialWorker> logger)
    : BackgroundService
{
    private readonly CancellationTokenSource _abort = new();
    private readonly HashSet<Task> _running = [];
    private readonly Lock _lock = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(options.Concurrency);
        try
        {
            await foreach (var job in work.Reader.ReadAllAsync(stoppingToken))
            {
                await slots.WaitAsync(stoppingToken);
                // Added under the lock the job takes to remove itself, so it is never removed before it is added.
                lock (_lock)
                {
                    Task task = null!;
                    task = Task.Run(async () =>
                    {
                        try
                        {
                            await runner.RunAsync(job, _abort.Token);
                        }
                        catch (Exception e) when (e is not OperationCanceledException || !_abort.IsCancellationRequested)
                        {
                            logger.LogError(e, "Social work on {Stage} of {NoticeId} failed unobserved by its runner", job.Stage, job.Notice.Id);
                        }
                        finally
                        {
                            slots.Release();
                            lock (_lock) _running.Remove(task);
                        }
                    }, CancellationToken.None);
                    _running.Add(task);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: no new work. What is queued but not started has its lease lapse.
        }
        await DrainAsync();
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // The host's shutdown timeout: past it, what still runs is cancelled.
        await using var registration = cancellationToken.Register(_abort.Cancel);
        await base.StopAsync(cancellationToken);
        await DrainAsync();
    }

    private async Task DrainAsync()
    {
        Task[] running;
        lock (_lock) running = [.. _running];
        if (running.Length == 0) return;
        logger.LogInformation("Waiting for {Count} social posts under way to finish", running.Length);
        await Task.WhenAll(running);
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }
}
