using CrisisComms.Domain.Accounts;
using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Storage;
using CrisisComms.Server.Auth;

namespace CrisisComms.Server.Accounts;

/// <summary>
/// Every change of a local account, for the API and the users command alike: the rules are
/// <see cref="AccountRules"/>, and each change is saved in one write with its audit entries.
/// </summary>
internal sealed class AccountService(IAccountStore accounts, INoticeStore store, SessionValidator sessions, TimeProvider time)
{
    // Read, change, write: one at a time on this node, so two admins' changes do not overwrite each other here.
    private readonly SemaphoreSlim _writing = new(1, 1);

    public Task<IReadOnlyList<Account>> ListAsync(CancellationToken ct) => accounts.ListAsync(ct);

    /// <summary>
    /// Creates the account (a password required), or changes its display name and roles. On an
    /// existing account a password is refused unless <paramref name="resetPassword"/> (the users
    /// command, which replaces it as an operator's way back in).
    /// </summary>
    public Task<(Account Account, bool Created)> SaveAsync(AccountCaller caller, string name, string? displayName,
        IReadOnlyList<string>? roles, string? password, bool resetPassword, CancellationToken ct) => WriteAsync(async () =>
    {
        AccountRules.Name(name);
        var existing = await accounts.FindAsync(name, ct);
        if (existing is null)
        {
            var (created, change) = AccountRules.Create(name, displayName, roles, LoginService.Hash(AccountRules.Password(password)), time.GetUtcNow());
            await SaveAsync(caller, created, [change], ct);
            return (created, true);
        }
        if (password is not null && !resetPassword)
            throw new Http.BadBodyException("password", "A password is set only when the account is created; reset it with POST …/password.");
        var (account, changes) = AccountRules.Change(existing, displayName, roles, caller);
        if (password is not null)
        {
            var (reset, change) = AccountRules.ResetPassword(account, LoginService.Hash(AccountRules.Password(password)), caller);
            (account, changes) = (reset, [.. changes, change]);
        }
        await SaveAsync(caller, account, changes, ct);
        return (account, false);
    });

    /// <summary>An admin sets a new password; an officer changes their own with the current one.</summary>
    public Task<Account> ResetPasswordAsync(AccountCaller caller, bool callerIsAdmin, string name, string? password,
        string? currentPassword, CancellationToken ct) => WriteAsync(async () =>
    {
        var account = await accounts.FindAsync(name, ct);
        var self = account is not null && caller.Is(account);
        if (!self && !callerIsAdmin) throw new Domain.Notices.NotAllowedException("Only an admin resets another account's password.");
        if (account is null) throw new AccountNotFoundException(name);
        if (self && (currentPassword is null || !LoginService.Verify(account, currentPassword)))
            throw new Http.BadBodyException("currentPassword", "Give your current password.");
        var (changed, change) = AccountRules.ResetPassword(account, LoginService.Hash(AccountRules.Password(password)), caller);
        await SaveAsync(caller, changed, [change], ct);
        return changed;
    });

    /// <summary>Notes the sign-in on the account, in one write with its audit entry.</summary>
    public Task SignedInAsync(string name, System.Net.IPAddress? address, CancellationToken ct) => WriteAsync(async () =>
    {
        // Read again right before the write, so a change saved while the password was checked is kept.
        if (await accounts.FindAsync(name, ct) is not { } account) return true;
        var now = time.GetUtcNow();
        await store.SaveAsync(new ChangeSet([], [new AuditEntry(now, name, AuditActions.SignedIn, Detail: From(address))], false)
            { Accounts = [account with { LastSignInAt = now }] }, ct);
        return true;
    });

    /// <summary>Audits a refused sign-in under the name as typed (shortened): nothing is said of whether it exists.</summary>
    public Task SignInFailedAsync(string name, System.Net.IPAddress? address, CancellationToken ct) =>
        store.AppendAuditAsync(new AuditEntry(time.GetUtcNow(), name.Length > AccountRules.MaxNameLength ? name[..AccountRules.MaxNameLength] : name,
            AuditActions.SignInFailed, Detail: From(address)), ct);

    public Task<Account> DisableAsync(AccountCaller caller, string name, string? reason, CancellationToken ct) =>
        ChangeAsync(caller, name, a => AccountRules.Disable(a, reason, caller, time.GetUtcNow()), ct);

    public Task<Account> EnableAsync(AccountCaller caller, string name, string? reason, CancellationToken ct) =>
        ChangeAsync(caller, name, a => AccountRules.Enable(a, reason), ct);

    public Task<Account> SignOutAsync(AccountCaller caller, string name, CancellationToken ct) =>
        ChangeAsync(caller, name, AccountRules.SignOut, ct);

    private Task<Account> ChangeAsync(AccountCaller caller, string name, Func<Account, (Account, AccountChange)> change, CancellationToken ct) =>
        WriteAsync(async () =>
        {
            var account = await accounts.FindAsync(name, ct) ?? throw new AccountNotFoundException(name);
            var (changed, what) = change(account);
            await SaveAsync(caller, changed, [what], ct);
            return changed;
        });

    private async Task SaveAsync(AccountCaller caller, Account account, IReadOnlyList<AccountChange> changes, CancellationToken ct)
    {
        if (changes.Count == 0) return;
        var now = time.GetUtcNow();
        await store.SaveAsync(new ChangeSet([], [.. changes.Select(c => AccountAudit.Of(c, caller.Subject, now))], false) { Accounts = [account] }, ct);
        sessions.Forget(account.Name);
    }

    private static string From(System.Net.IPAddress? address) => $"from {address?.ToString() ?? "an unknown address"}";

    private const int Attempts = 5;

    // Each write reads the account afresh, so when another node (or a sign-in's second factor)
    // saved it meanwhile, deciding again on what is stored now is always right.
    private async Task<T> WriteAsync<T>(Func<Task<T>> write)
    {
        await _writing.WaitAsync();
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await write();
                }
                catch (AccountChangedException) when (attempt < Attempts)
                {
                }
            }
        }
        finally
        {
            _writing.Release();
        }
    }
}
