using CrisisComms.Domain.Accounts;
using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;
using CrisisComms.Server.Configuration;
using Microsoft.Extensions.Options;

namespace CrisisComms.Server.Auth;

/// <summary>What the second factor says about a sign-in whose password was right.</summary>
public enum SecondFactorCheck { Passed, EnrolmentOnly, CodeRequired, WrongCode }

/// <summary>
/// The TOTP second factor of local accounts: the check at sign-in, enrolment and its
/// confirmation, and an admin's reset. The secret is stored as it is (see the README's trust model:
/// every node must read it, and the store is the thing to protect); it is never logged.
/// </summary>
internal sealed class SecondFactorService(IAccountStore accounts, INoticeStore store, IOptions<AuthOptions> options, TimeProvider time, ILogger<SecondFactorService> logger)
{
    private static readonly string[] Privileged = [Roles.Approver, Roles.Director, Roles.Admin];

    // One check at a time on this node, so two requests with one code cannot both pass.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public bool IsRequired(Account account) => options.Value.RequireSecondFactor && account.Roles.Any(Privileged.Contains);

    public static bool IsEnrolled(Account account) => account.SecondFactor is { EnrolledAt: not null };

    /// <summary>After the password was right: a code, a recovery code, or the enrolment.</summary>
    public async Task<SecondFactorCheck> CheckAsync(Account account, string? code, CancellationToken ct)
    {
        if (!IsEnrolled(account)) return IsRequired(account) ? SecondFactorCheck.EnrolmentOnly : SecondFactorCheck.Passed;
        if (string.IsNullOrWhiteSpace(code)) return SecondFactorCheck.CodeRequired;
        code = code.Replace(" ", "", StringComparison.Ordinal).Trim();
        await _gate.WaitAsync(ct);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await CheckCodeAsync(account.Name, code, ct);
                }
                catch (AccountChangedException) when (attempt < 5)
                {
                    // Saved meanwhile (on another node, or by an admin): read it again and check again.
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SecondFactorCheck> CheckCodeAsync(string name, string code, CancellationToken ct)
    {
        // Read again inside the gate: another sign-in may have used a code since.
        if (await accounts.FindAsync(name, ct) is not { } account) return SecondFactorCheck.WrongCode;
        if (account.SecondFactor is not { EnrolledAt: not null } factor) return SecondFactorCheck.WrongCode;
        var now = time.GetUtcNow();
        if (SecondFactorCodes.MatchStep(factor.Secret, code, now) is { } step)
        {
            if (step <= factor.LastUsedStep) return SecondFactorCheck.WrongCode; // used once already
            await SaveAsync(account with { SecondFactor = factor with { LastUsedStep = step } }, null, ct);
            return SecondFactorCheck.Passed;
        }
        var hash = SecondFactorCodes.HashRecoveryCode(code);
        if (SecondFactorCodes.LooksLikeTotp(code) || !factor.RecoveryCodeHashes.Contains(hash)) return SecondFactorCheck.WrongCode;
        var left = factor.RecoveryCodeHashes.Where(h => h != hash).ToList();
        await SaveAsync(account with { SecondFactor = factor with { RecoveryCodeHashes = left } },
            new AuditEntry(now, account.Name, AuditActions.RecoveryCodeUsed, Detail: $"{account.Name} ({left.Count} left)"), ct);
        logger.LogWarning("{Account} signed in with a recovery code; {Left} left", account.Name, left.Count);
        return SecondFactorCheck.Passed;
    }

    /// <summary>A new secret, kept as pending until a first code confirms it; null when already enrolled.</summary>
    public async Task<string?> StartAsync(Account account, CancellationToken ct)
    {
        if (IsEnrolled(account)) return null;
        var secret = SecondFactorCodes.NewSecret();
        await SaveAsync(account with { SecondFactor = new SecondFactor(secret, null, [], 0) }, null, ct);
        return secret;
    }

    /// <summary>The recovery codes, once, when the code proves the phone holds the pending secret; else null.</summary>
    public async Task<string[]?> ConfirmAsync(Account account, string code, CancellationToken ct)
    {
        if (account.SecondFactor is not { EnrolledAt: null } pending) return null;
        var now = time.GetUtcNow();
        if (SecondFactorCodes.MatchStep(pending.Secret, code.Replace(" ", "", StringComparison.Ordinal).Trim(), now) is not { } step) return null;
        var codes = SecondFactorCodes.NewRecoveryCodes();
        var enrolled = pending with { EnrolledAt = now, LastUsedStep = step, RecoveryCodeHashes = codes.Select(SecondFactorCodes.HashRecoveryCode).ToList() };
        await SaveAsync(account with { SecondFactor = enrolled },
            new AuditEntry(now, account.Name, AuditActions.SecondFactorEnrolled, Detail: account.Name), ct);
        logger.LogInformation("{Account} enrolled a second factor", account.Name);
        return codes;
    }

    public async Task ResetAsync(Account account, string actor, CancellationToken ct)
    {
        await SaveAsync(account with { SecondFactor = null },
            new AuditEntry(time.GetUtcNow(), actor, AuditActions.SecondFactorReset, Detail: account.Name), ct);
        logger.LogWarning("{Actor} reset the second factor of {Account}", actor, account.Name);
    }

    private Task SaveAsync(Account account, AuditEntry? audit, CancellationToken ct) =>
        store.SaveAsync(new ChangeSet([], audit is null ? [] : [audit], false) { Accounts = [account] }, ct);
}
