using CrisisComms.Domain.Accounts;
using CrisisComms.Domain.Records;
using CrisisComms.Domain.Storage;
using Microsoft.Extensions.Options;

namespace CrisisComms.Server.Records;

/// <summary>
/// Removes the personal data of accounts disabled longer than CrisisComms:Retention:DisabledAccounts
/// (<see cref="RetentionRules.RemovePersonalData"/>), each in one write with its audit entry. The
/// write is saved only over the account revision read, so of two nodes one removes and audits.
/// </summary>
internal sealed class AccountRetention(
    IAccountStore accounts,
    INoticeStore store,
    TimeProvider time,
    IOptions<RetentionOptions> options,
    ILogger<AccountRetention> logger)
{
    /// <summary>The accounts whose personal data a sweep now would remove; changes nothing.</summary>
    public async Task<IReadOnlyList<Account>> PreviewAsync(CancellationToken ct)
    {
        if (options.Value.DisabledAccounts is not { } period) return [];
        var now = time.GetUtcNow();
        return [.. (await accounts.ListAsync(ct)).Where(a => RetentionRules.PersonalDataDue(a, period, now))];
    }

    public async Task<int> RemoveDueAsync(CancellationToken ct)
    {
        if (options.Value.DisabledAccounts is not { } period) return 0;
        var removed = 0;
        foreach (var account in await accounts.ListAsync(ct))
        {
            var now = time.GetUtcNow();
            try
            {
                if (account is { Disabled: true, DisabledAt: null, PersonalDataRemovedAt: null })
                {
                    // Disabled before the time was kept: the period is counted from now, never from a guess.
                    await store.SaveAsync(new ChangeSet([], [], false) { Accounts = [account with { DisabledAt = now }] }, ct);
                    continue;
                }
                if (!RetentionRules.PersonalDataDue(account, period, now)) continue;
                await store.SaveAsync(new ChangeSet([], [RetentionRules.PersonalDataRemoved(account, period, now)], false)
                    { Accounts = [RetentionRules.RemovePersonalData(account, now)] }, ct);
                removed++;
                logger.LogInformation("The personal data of the disabled account {Account} was removed", account.Name);
            }
            catch (AccountChangedException)
            {
                // Changed meanwhile (enabled, or another node removed it): the next sweep decides again.
            }
        }
        return removed;
    }
}
