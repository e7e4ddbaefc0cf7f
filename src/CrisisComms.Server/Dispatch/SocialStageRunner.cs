using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;
using CrisisComms.Server.Metrics;
using CrisisComms.Server.Notices;

namespace CrisisComms.Server.Dispatch;

/// <summary>
/// Social posts, the last stage, and their deletion after a withdrawal. A due post (or delete) is
/// claimed — a lease written with the attempt in the audit log — before anything is sent; the call
/// itself runs apart from the clock so a slow channel never delays a banner or another channel.
/// The outcome is written back; retries and lapsed leases come round again through the clock, a
/// post always with the same idempotency key.
/// </summary>
internal sealed class SocialStageRunner(
    INoticeStore store,
    IServiceProvider services,
    TimeProvider time,
    DispatchClock clock,
    SocialPostOptions options,
    IHostApplicationLifetime lifetime,
    NoticeChanges changes,
    CrisisMetrics metrics,
    ILogger<SocialStageRunner> logger)
{
    private enum Work { Post, Delete }

    /// <summary>Claims what is due on this notice; the caller saves, then calls <see cref="Start"/>.</summary>
    public List<(string Stage, bool Delete)> ClaimDue(Notice notice, DateTimeOffset now, List<AuditEntry> audit)
    {
        var claimed = new List<(string, bool)>();
        foreach (var stage in notice.Stages.Where(s => s.IsSocial))
        {
            if (!notice.TryClaimSocialStage(stage.Name, now, options.Lease)) continue;
            claimed.Add((stage.Name, false));
            audit.Add(Entry(AuditActions.StageAttempt, notice, now, $"{stage.Name} attempt {stage.Attempts}"));
        }
        foreach (var stage in notice.ClaimDueRetractions(now, options.Lease))
        {
            claimed.Add((stage.Name, true));
            audit.Add(Entry(AuditActions.StageAttempt, notice, now, $"{stage.Name} delete {stage.ExternalId}"));
        }
        return claimed;
    }

    public void Start(Notice notice, IReadOnlyList<(string Stage, bool Delete)> claimed)
    {
        foreach (var (stage, delete) in claimed)
            _ = Task.Run(() => RunAsync(notice, stage, delete ? Work.Delete : Work.Post, lifetime.ApplicationStopping));
    }

    private async Task RunAsync(Notice notice, string stageName, Work work, CancellationToken ct)
    {
        var stage = notice.StageNamed(stageName)!;
        PostOutcome outcome;
        try
        {
            // Channels are transient (their HTTP clients rotate), so they are asked for per call.
            var channel = services.GetServices<ISocialChannel>().FirstOrDefault(c => c.Name == stage.Channel);
            outcome = channel is null
                ? new PostOutcome.Failed($"The channel '{stage.Channel}' is off: it has no credentials configured.")
                : work == Work.Post
                    ? await channel.PostAsync(SocialMessages.For(notice), stage.IdempotencyKey!, ct)
                    : await channel.DeleteAsync(stage.ExternalId!, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return; // Shutting down: the lease lapses and another node (or this one, restarted) tries again.
        }
        catch (Exception e)
        {
            outcome = new PostOutcome.Retry($"Unexpected error: {e.GetType().Name}", null);
        }
        if (work == Work.Post) metrics.SocialAttempt(stage.Channel ?? stage.Name, outcome);
        await RecordAsync(notice.Id, stageName, work, outcome, ct);
    }

    private async Task RecordAsync(string id, string stageName, Work work, PostOutcome outcome, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var notice = await store.GetAsync(id, ct);
            if (notice?.StageNamed(stageName) is not { } stage) return;
            var now = time.GetUtcNow();
            var audit = new List<AuditEntry>();
            if (work == Work.Post) RecordPost(notice, stage, outcome, now, audit);
            else RecordDelete(notice, stage, outcome, now, audit);
            try
            {
                await store.SaveAsync(new ChangeSet([notice], audit, BannersChanged: false), ct);
                metrics.StagesSaved([notice], audit);
                clock.WakeAt(notice.NextDueAt);
                await changes.PublishAsync([notice]);
                return;
            }
            catch (ConcurrencyConflictException)
            {
                // The notice moved on meanwhile (an officer, the clock): record on the fresh copy.
            }
        }
    }

    private void RecordPost(Notice notice, Stage stage, PostOutcome outcome, DateTimeOffset now, List<AuditEntry> audit)
    {
        if (stage.State != StageState.Running)
        {
            // Withdrawn while the post was under way: a post that went out anyway is deleted.
            if (outcome is PostOutcome.Posted late && stage.State == StageState.Cancelled && stage.ExternalId is null)
            {
                notice.RecordLatePost(stage.Name, late.ExternalId, now);
                audit.Add(Entry(AuditActions.StageDone, notice, now, stage.Name, "posted while being withdrawn; to be deleted"));
            }
            return;
        }
        switch (outcome)
        {
            case PostOutcome.Posted posted:
                notice.RecordPosted(stage.Name, posted.ExternalId, now);
                audit.Add(Entry(AuditActions.StageDone, notice, now, stage.Name));
                logger.LogInformation("Stage {Stage} of {NoticeId} done {Elapsed} after approval",
                    stage.Name, notice.Id, now - (notice.ApprovedAt ?? now));
                break;
            case PostOutcome.Retry retry when stage.Attempts < options.MaxAttempts:
                var at = retry.NotBefore is { } notBefore && notBefore > now ? notBefore : now + options.Backoff(stage.Attempts);
                notice.RecordRetry(stage.Name, retry.Error, at, now);
                logger.LogWarning("Stage {Stage} of {NoticeId} attempt {Attempt} failed: {Error}; next try at {RetryAt}",
                    stage.Name, notice.Id, stage.Attempts, retry.Error, at);
                break;
            default:
                var error = outcome is PostOutcome.Failed failed ? failed.Error
                    : $"Gave up after {stage.Attempts} attempts: {((PostOutcome.Retry)outcome).Error}";
                notice.RecordFailed(stage.Name, error, now);
                audit.Add(Entry(AuditActions.StageFailed, notice, now, stage.Name, error));
                logger.LogError("Stage {Stage} of {NoticeId} failed and needs a person: {Error}", stage.Name, notice.Id, error);
                break;
        }
    }

    private void RecordDelete(Notice notice, Stage stage, PostOutcome outcome, DateTimeOffset now, List<AuditEntry> audit)
    {
        if (stage.RetractedAt is not null) return;
        switch (outcome)
        {
            case PostOutcome.Posted:
                notice.RecordRetracted(stage.Name, now);
                audit.Add(Entry(AuditActions.StageRetracted, notice, now, stage.Name, $"deleted {stage.ExternalId}"));
                logger.LogInformation("Post {ExternalId} of {NoticeId} on {Stage} deleted", stage.ExternalId, notice.Id, stage.Name);
                break;
            case PostOutcome.Retry retry:
                var at = retry.NotBefore is { } notBefore && notBefore > now ? notBefore : now + options.Backoff(2);
                notice.RecordRetractRetry(stage.Name, retry.Error, at, now);
                logger.LogWarning("Deleting post {ExternalId} on {Stage} failed: {Error}; next try at {RetryAt}", stage.ExternalId, stage.Name, retry.Error, at);
                break;
            case PostOutcome.Failed failed:
                notice.RecordRetractFailed(stage.Name, failed.Error, now);
                audit.Add(Entry(AuditActions.StageFailed, notice, now, stage.Name, $"delete failed: {failed.Error}"));
                logger.LogError("Post {ExternalId} on {Stage} could not be deleted and needs a person: {Error}", stage.ExternalId, stage.Name, failed.Error);
                break;
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
