using CrisisComms.Domain.Records;
using CrisisComms.Domain.Storage;
using Microsoft.Extensions.Options;

namespace CrisisComms.Server.Records;

/// <summary>
/// Purges the incidents that ended longer ago than CrisisComms:Retention:EndedIncidents: their
/// notices and stages go, their audit entries stay, and one <c>incident.purged</c> entry records the
/// SHA-256 of the archive as it was just before. Every node runs it; the purge is conditional on
/// the row versions read (<see cref="IRetentionStore.PurgeAsync"/>), so of two nodes one purges and
/// writes the entry and the other writes nothing.
/// </summary>
internal sealed class IncidentRetention(
    IRetentionStore store,
    ArchiveDigest archive,
    TimeProvider time,
    IOptions<RetentionOptions> options,
    ILogger<IncidentRetention> logger)
{
    /// <summary>What a sweep now would purge (nothing when no period is set); changes nothing.</summary>
    public async Task<IReadOnlyList<EndedIncident>> PreviewAsync(CancellationToken ct)
    {
        if (options.Value.EndedIncidents is not { } period) return [];
        return RetentionRules.Due(EndedIncident.Among(await store.ListNoticesOfEndingIncidentsAsync(ct)), period, time.GetUtcNow());
    }

    /// <summary>Purges what is due; the number this node purged.</summary>
    public async Task<int> PurgeDueAsync(CancellationToken ct)
    {
        if (options.Value.EndedIncidents is not { } period) return 0;
        var purged = 0;
        foreach (var incident in await PreviewAsync(ct))
        {
            // Hashed after the notices were read: the purge below is made only if not one of them
            // changed since, so the hash is that of the archive of exactly what goes.
            if (await archive.Sha256Async(incident.IncidentId, ct) is not { } sha256) continue;
            var entry = RetentionRules.Purged(incident, sha256, period, time.GetUtcNow());
            // The entry is written in the same atomic write as the deletion: there is no moment at
            // which the notices are gone and the record of their purge is not there, or the reverse.
            if (!await store.PurgeAsync(new IncidentPurge(incident.IncidentId, incident.Notices, entry), ct))
            {
                logger.LogInformation("Incident {IncidentId} was not purged: it changed, or another node purged it", incident.IncidentId);
                continue;
            }
            purged++;
            logger.LogInformation("Incident {IncidentId} purged ({Notices} notices, ended {EndedAt}); its archive had SHA-256 {ArchiveSha256}",
                incident.IncidentId, incident.Notices.Count, incident.EndedAt, sha256);
        }
        return purged;
    }
}
