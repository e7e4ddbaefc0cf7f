using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;

namespace CrisisComms.Server.Dispatch;

/// <summary>
/// Social posts, the last stage. A due post is claimed (a lease, written with the attempt in the
/// audit log) before anything is sent; the post itself runs apart from the clock so a slow channel
/// never delays a banner or another channel. The outcome is written back; retries and lapsed
/// leases come round again through the clock with the same idempotency key.
/// </summary>
internal sealed class SocialStageRunner(
    INoticeStore store,
    IEnumerable<ISocialChannel> channels,
    TimeProvider time,
    DispatchClock clock,
    SocialPostOptions options,
    IHostApplicationLifetime lifetime,
    ILogger<SocialStageRunner> logger)
{
    private readonly Dictionary<string, ISocialChannel> _channels = channels.ToDictionary(c => c.Name);

    public List<string> ClaimDue(Notice notice, DateTimeOffset now, List<AuditEntry> audit)
    {
        var claimed = new List<string>();
        foreach (var stage in notice.Stages.Where(s => s.IsSocial))
        {
            if (!notice.TryClaimSocialStage(stage.Name, now, options.Lease)) continue;
            claimed.Add(stage.Name);
            audit.Add(new AuditEntry(now, Actor.System.Subject, AuditActions.StageAttempt, notice.Id, notice.IncidentId,
                Detail: $"{stage.Name} attempt {stage.Attempts}"));
        }
        return claimed;
    }

    public void Start(Notice notice, IReadOnlyList<string> claimed)
    {
        foreach (var name in claimed)
            _ = Task.Run(() => PostAsync(notice, name, lifetime.ApplicationStopping));
    }

    private async Task PostAsync(Notice notice, string stageName, CancellationToken ct)
    {
        var stage = notice.StageNamed(stageName)!;
        PostOutcome outcome;
        try
        {
            outcome = _channels.TryGetValue(stage.Channel!, out var channel)
                ? await channel.PostAsync(SocialMessages.For(notice), stage.IdempotencyKey!, ct)
                : new PostOutcome.Failed($"The channel '{stage.Channel}' is off: it has no credentials configured.");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return; // Shutting down: the lease lapses and another node (or this one, restarted) tries again.
        }
        catch (Exception e)
        {
            outcome = new PostOutcome.Retry($"Unexpected error: {e.GetType().Name}", null);
        }
        await RecordAsync(notice.Id, stageName, outcome, ct);
    }

    private async Task RecordAsync(string id, string stageName, PostOutcome outcome, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var notice = await store.GetAsync(id, ct);
            if (notice?.StageNamed(stageName) is not { State: StageState.Running } stage) return;
            var now = time.GetUtcNow();
            var audit = new List<AuditEntry>();
            switch (outcome)
            {
                case PostOutcome.Posted posted:
                    notice.RecordPosted(stageName, posted.ExternalId, now);
                    audit.Add(Entry(AuditActions.StageDone, notice, now, stageName));
                    logger.LogInformation("Stage {Stage} of {NoticeId} done {Elapsed} after approval",
                        stageName, id, now - (notice.ApprovedAt ?? now));
                    break;
                case PostOutcome.Retry retry when stage.Attempts < options.MaxAttempts:
                    var at = retry.NotBefore ?? now + options.Backoff(stage.Attempts);
                    notice.RecordRetry(stageName, retry.Error, at, now);
                    logger.LogWarning("Stage {Stage} of {NoticeId} attempt {Attempt} failed: {Error}; next try at {RetryAt}",
                        stageName, id, stage.Attempts, retry.Error, at);
                    break;
                default:
                    var error = outcome is PostOutcome.Failed failed ? failed.Error
                        : $"Gave up after {stage.Attempts} attempts: {((PostOutcome.Retry)outcome).Error}";
                    notice.RecordFailed(stageName, error, now);
                    audit.Add(Entry(AuditActions.StageFailed, notice, now, stageName, error));
                    logger.LogError("Stage {Stage} of {NoticeId} failed and needs a person: {Error}", stageName, id, error);
                    break;
            }
            try
            {
                await store.SaveAsync(new ChangeSet([notice], audit, BannersChanged: false), ct);
                clock.WakeAt(notice.NextDueAt);
                return;
            }
            catch (ConcurrencyConflictException)
            {
                // The notice moved on meanwhile (an officer, the clock): record on the fresh copy.
            }
        }
    }

    private static AuditEntry Entry(string action, Notice notice, DateTimeOffset now, string stage, string? reason = null) =>
        new(now, Actor.System.Subject, action, notice.Id, notice.IncidentId, reason, stage);
}

/// <summary>How social posts are retried: exponential backoff with jitter, so retries from many notices do not march in step.</summary>
internal sealed class SocialPostOptions
{
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);
    public int MaxAttempts { get; init; } = 8;
    public TimeSpan FirstRetry { get; init; } = TimeSpan.FromSeconds(2);
    public TimeSpan MaxRetry { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan Backoff(int attempts)
    {
        var exponential = FirstRetry.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempts - 1));
        var capped = Math.Min(exponential, MaxRetry.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.8 + 0.4 * Random.Shared.NextDouble()));
    }
}
