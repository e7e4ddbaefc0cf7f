using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;
using CrisisComms.Server.Banners;
using CrisisComms.Server.Dispatch;
using CrisisComms.Server.Metrics;
using CrisisComms.Server.Notices;

namespace CrisisComms.Server.Changes;

/// <summary>
/// The one path of every change to notices, whoever makes it (an officer's request, the clock, a
/// social post coming back): reload, let the domain decide, save in one atomic write, and only then
/// do what follows from the events — log, set the clock, hand out social work, publish banners,
/// signal the consoles. Every save is conditional on the revisions loaded, so when someone else
/// changed the notice meanwhile the decision is made again on fresh state.
/// This is where stage completions and social attempt outcomes are known, once each.
/// </summary>
internal sealed class ChangePipeline(
    INoticeStore store,
    TimeProvider time,
    EventLog log,
    DispatchClock clock,
    SocialWork social,
    BannerFeed feed,
    NoticeChanges changes,
    CrisisMetrics metrics)
{
    private const int Attempts = 5;

    /// <summary>
    /// Reload, decide, save, until the save lands (or <see cref="ConcurrencyConflictException"/> after
    /// a few tries). <paramref name="decide"/> gets the stored notice (null when there is none) and
    /// returns null, or no events, when there is nothing to do. Returns what was saved, or null.
    /// </summary>
    public async Task<Decision?> ChangeAsync(string id, Func<Notice?, DateTimeOffset, Task<Decision?>> decide, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var notice = await store.GetAsync(id, ct);
            var decision = await decide(notice, time.GetUtcNow());
            if (decision is null || decision.IsEmpty) return null;
            try
            {
                await SaveAsync(decision, ct);
                return decision;
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
                // Another officer, node or post got there first: decide again on what is stored now.
            }
        }
    }

    public Task<Decision?> ChangeAsync(string id, Func<Notice?, DateTimeOffset, Decision?> decide, CancellationToken ct) =>
        ChangeAsync(id, (notice, now) => Task.FromResult(decide(notice, now)), ct);

    /// <summary>Saves a decision made on notices loaded (or created) by the caller, then what follows.</summary>
    public async Task SaveAsync(Decision decision, CancellationToken ct)
    {
        var bannersChanged = decision.Events.Any(EventLog.ChangesBanners);
        await store.SaveAsync(new ChangeSet(decision.Notices, EventAudit.For(decision), bannersChanged), ct);

        log.Write(decision);
        metrics.StagesSaved(decision.Notices, decision.Events);
        foreach (var notice in decision.Notices) clock.WakeAt(notice.NextDueAt);
        social.Start(decision);
        if (bannersChanged) await feed.PublishChangeAsync(ct);
        // Banners first: the officers' consoles can wait the moment it takes.
        await changes.PublishAsync(decision.Notices);
    }
}
