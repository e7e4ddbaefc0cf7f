using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;
using CrisisComms.Server.Changes;
using CrisisComms.Server.Metrics;
using CrisisComms.Server.Webhooks;

namespace CrisisComms.Server.Dispatch;

/// <summary>
/// Social posts, the last stage, their deletion after a withdrawal, and webhook deliveries (claimed and recorded alike). A due post (or delete) is
/// claimed — a lease saved with the attempt in the audit log — before anything is sent; the call
/// runs under <see cref="SocialWorker"/>, apart from the clock, so a slow channel never delays a
/// banner or another channel. The outcome goes back through the change pipeline; retries and
/// lapsed leases come round again through the clock, a post always with the same idempotency key.
/// </summary>
internal sealed class SocialStageRunner(
    ChangePipeline pipeline,
    INoticeStore store,
    IServiceProvider services,
    TimeProvider time,
    SocialPostOptions options,
    CrisisMetrics metrics,
    WebhookDeliveryOptions webhooks,
    ILogger<SocialStageRunner> logger)
{
    private const int RecentForDuplicates = 500;

    /// <summary>What a channel records when it knows a post was made but not its id.</summary>
    private const string UnknownPostId = "duplicate";

    public async Task RunAsync(SocialJob job, CancellationToken ct)
    {
        var claimedAt = time.GetUtcNow();
        var stage = job.Notice.StageNamed(job.Stage)!;
        // A webhook delivery has no thread and no "duplicate" answer: its outcome is the receiver's status.
        var post = !job.Delete && !stage.IsWebhook;
        var message = post ? SocialMessages.For(job.Notice) with { InReplyTo = await FirstPostAsync(job, ct) } : SocialMessages.For(job.Notice);
        var outcome = await CallAsync(job, message, stage.IdempotencyKey!, ct);
        if (post && outcome is PostOutcome.Posted posted && await IsAnotherNoticesAsync(job, posted.ExternalId, ct))
        {
            // The channel called it a duplicate of a post that is another notice's (same text, another
            // incident): this notice has not been posted yet. It is made distinct by the time of day.
            var local = TimeZoneInfo.ConvertTime(time.GetUtcNow(), time.LocalTimeZone);
            logger.LogInformation("Stage {Stage} of {NoticeId}: {ExternalId} is another notice's post with the same text; posting it with the time of day",
                job.Stage, job.Notice.Id, posted.ExternalId);
            var distinct = message with { Suffix = $"kl. {local:HH:mm}" };
            outcome = await CallAsync(job, distinct, $"{stage.IdempotencyKey}-{local:HHmm}", ct);
        }
        if (post) metrics.SocialAttempt(stage.Channel ?? stage.Name, outcome);
        await RecordAsync(job, outcome, claimedAt + options.Lease, ct);
    }

    /// <summary>
    /// An update or all-clear answers the incident's first post on the channel, so followers read
    /// the incident as one thread (X, Mastodon; Facebook makes it a post of its own).
    /// </summary>
    private async Task<string?> FirstPostAsync(SocialJob job, CancellationToken ct)
    {
        if (job.Notice.Kind == NoticeKind.Alert) return null;
        var incident = await store.ListAsync(new NoticeQuery(IncidentId: job.Notice.IncidentId, Limit: 1000), ct);
        return incident
            .Where(n => n.Version < job.Notice.Version)
            .OrderBy(n => n.Version)
            .Select(n => n.StageNamed(job.Stage))
            .FirstOrDefault(s => s is { ExternalId: not null and not UnknownPostId, RetractedAt: null })?.ExternalId;
    }

    /// <summary>Whether a post id the channel answered with is already recorded on another notice (among the latest).</summary>
    private async Task<bool> IsAnotherNoticesAsync(SocialJob job, string externalId, CancellationToken ct)
    {
        try
        {
            var recent = await store.ListAsync(new NoticeQuery(Limit: RecentForDuplicates), ct);
            return recent.Any(n => n.Id != job.Notice.Id && n.StageNamed(job.Stage)?.ExternalId == externalId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Stage {Stage} of {NoticeId}: could not check whose post {ExternalId} is; taken as this notice's",
                job.Stage, job.Notice.Id, externalId);
            return false;
        }
    }

    private async Task<PostOutcome> CallAsync(SocialJob job, SocialMessage message, string idempotencyKey, CancellationToken ct)
    {
        var stage = job.Notice.StageNamed(job.Stage)!;
        try
        {
            if (stage.IsWebhook) return await services.GetRequiredService<WebhookSender>().SendAsync(job.Notice, stage, ct);
            // Channels are transient (their HTTP clients rotate), so they are asked for per call.
            var channel = services.GetServices<ISocialChannel>().FirstOrDefault(c => c.Name == stage.Channel);
            if (channel is null) return new PostOutcome.Failed($"The channel '{stage.Channel}' is off: it has no credentials configured.");
            return job.Delete
                ? await channel.DeleteAsync(stage.ExternalId!, ct)
                : await channel.PostAsync(message, idempotencyKey, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(e, "Stage {Stage} of {NoticeId}: the channel call threw", job.Stage, job.Notice.Id);
            return new PostOutcome.Retry($"Unexpected error: {e.GetType().Name}", null);
        }
    }

    /// <summary>
    /// Saves the outcome. While the store does not answer it tries again, as long as the claim
    /// holds; past it another node may claim the stage, and the same idempotency key keeps that
    /// from posting twice. Each failure is logged with what was not saved.
    /// </summary>
    private async Task RecordAsync(SocialJob job, PostOutcome outcome, DateTimeOffset claimUntil, CancellationToken ct)
    {
        var wait = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                await pipeline.ChangeAsync(job.Notice.Id, (notice, now) => Decide(notice, job, outcome, now), ct);
                return;
            }
            catch (StaleClaimException e)
            {
                // Fenced: another node holds the stage now, and its outcome is the one that counts.
                logger.LogWarning("Stage {Stage} of {NoticeId}: the outcome {Outcome} was refused: {Error}", job.Stage, job.Notice.Id, outcome, e.Message);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var giveUp = time.GetUtcNow() + wait >= claimUntil;
                logger.LogError(e, "Stage {Stage} of {NoticeId}: the outcome {Outcome} could not be saved; {Next}",
                    job.Stage, job.Notice.Id, outcome, giveUp ? "giving up, the claim lapses" : "trying again");
                if (giveUp) return;
            }
            await Task.Delay(wait, time, ct);
            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
        }
    }

    private Decision? Decide(Notice? notice, SocialJob job, PostOutcome outcome, DateTimeOffset now)
    {
        if (notice?.StageNamed(job.Stage) is not { } stage) return null;
        var events = job.Delete
            ? notice.RecordDeleteOutcome(job.Stage, job.ClaimId, outcome, now, options)
            : notice.RecordPostOutcome(job.Stage, job.ClaimId, outcome, now, stage.IsWebhook ? webhooks : options);
        return new Decision([notice], events, Actor.System);
    }
}

/// <summary>How social posts are retried: exponential backoff with jitter, so retries from many notices do not march in step.</summary>
internal sealed class SocialPostOptions : IRetryPolicy
{
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);
    public int MaxAttempts { get; init; } = 8;
    public TimeSpan FirstRetry { get; init; } = TimeSpan.FromSeconds(2);
    public TimeSpan MaxRetry { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Posts and deletions under way at once on one node.</summary>
    public int Concurrency { get; init; } = 16;

    public TimeSpan Backoff(int attempts)
    {
        var exponential = FirstRetry.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempts - 1));
        var capped = Math.Min(exponential, MaxRetry.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.8 + 0.4 * Random.Shared.NextDouble()));
    }
}
