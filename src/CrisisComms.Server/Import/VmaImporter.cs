using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Banners;
using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;
using CrisisComms.Server.Banners;
using Microsoft.Extensions.Options;

namespace CrisisComms.Server.Import;

/// <summary>
/// Polls the VMA API and makes the shown VMAs what it lists: a new one is saved live (shown at once,
/// no approval, no social stage), one no longer listed or cancelled is ended. Every node polls; the
/// notice id comes from the VMA identifier and every save is conditional, so of two nodes one writes
/// and the other's save conflicts and writes nothing: one banner, one audit entry. A failed poll
/// changes nothing shown and is retried with a doubling wait.
/// </summary>
internal sealed class VmaImporter(
    VmaClient client,
    INoticeStore store,
    BannerFeed feed,
    VmaImportStatus status,
    TimeProvider time,
    IOptions<VmaOptions> options,
    ILogger<VmaImporter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.PollInterval;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = interval;
                try
                {
                    await PollAsync(stoppingToken);
                    status.Succeeded();
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    status.Failed(e.Message);
                    wait = TimeSpan.FromTicks(Math.Min(options.Value.MaxBackoff.Ticks, interval.Ticks << Math.Min(status.Failures - 1, 16)));
                    logger.LogWarning("Could not read the VMA API ({Failures} polls in a row), next try in {Wait}: {Error}",
                        status.Failures, wait, e.Message);
                }
                await Task.Delay(wait, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    public async Task PollAsync(CancellationToken ct)
    {
        var (active, cancelled) = VmaNotices.Select(await client.ListAsync(ct));
        var shown = (await store.ListBannerCandidatesAsync(ct))
            .Where(n => n.Source == BannerSource.Vma && n.State == NoticeState.Live)
            .ToDictionary(n => n.Id, StringComparer.Ordinal);
        var changed = false;
        foreach (var alert in active.Where(a => !shown.ContainsKey(VmaNotices.IdOf(a.Identifier))))
            changed |= await ImportAsync(alert, ct);
        var listed = active.Select(a => VmaNotices.IdOf(a.Identifier)).ToHashSet(StringComparer.Ordinal);
        foreach (var notice in shown.Values.Where(n => !listed.Contains(n.Id)))
            changed |= await RemoveAsync(notice, cancelled.Contains(notice.ExternalId!) ? "cancelled" : "no longer listed", ct);
        if (changed) await feed.PublishChangeAsync(ct);
    }

    private async Task<bool> ImportAsync(VmaAlert alert, CancellationToken ct)
    {
        var id = VmaNotices.IdOf(alert.Identifier);
        // Imported before and ended since (cancelled, or no longer listed): it does not come back.
        if (await store.GetAsync(id, ct) is not null) return false;
        var now = time.GetUtcNow();
        var notice = VmaNotices.ToNotice(alert, now);
        var entry = new AuditEntry(now, Notice.VmaActor, VmaAuditActions.Imported, notice.Id, notice.IncidentId,
            Detail: $"{alert.Identifier} {notice.Draft.Mode} from {notice.Draft.Sender}");
        return await SaveAsync(notice, entry, ct);
    }

    private async Task<bool> RemoveAsync(Notice notice, string reason, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        notice.EndVma(now, reason);
        var entry = new AuditEntry(now, Notice.VmaActor, VmaAuditActions.Removed, notice.Id, notice.IncidentId, reason, notice.ExternalId);
        return await SaveAsync(notice, entry, ct);
    }

    private async Task<bool> SaveAsync(Notice notice, AuditEntry entry, CancellationToken ct)
    {
        try
        {
            await store.SaveAsync(new ChangeSet([notice], [entry], BannersChanged: true), ct);
            logger.LogInformation("VMA {Identifier}: {Action}", notice.ExternalId, entry.Action);
            return true;
        }
        catch (ConcurrencyConflictException)
        {
            logger.LogDebug("VMA {Identifier}: another node wrote it first", notice.ExternalId);
            return false;
        }
    }
}
