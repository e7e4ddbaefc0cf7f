using CrisisComms.Domain.Storage;

namespace CrisisComms.Storage.Tests;

/// <summary>An Idempotency-Key is claimed once per account: every later claim within the retention gets the first one back.</summary>
public abstract partial class NoticeStoreContract
{
    private static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>The idempotency keys of the same data as <see cref="Store"/> (after a reopen, of the reopened store).</summary>
    protected abstract Task<IIdempotencyStore> OpenIdempotencyStoreAsync();

    [Fact]
    public async Task AFreeKeyIsClaimedAndEveryLaterClaimGetsTheFirstBackAlsoAfterAReopen()
    {
        var keys = await OpenIdempotencyStoreAsync();
        var first = new IdempotencyClaim("fingerprint-a", "notice-1", Samples.Now);

        Assert.Equal(first, await keys.ClaimAsync("anna", "key-1", first, Retention));
        Assert.Equal(first, await keys.ClaimAsync("anna", "key-1", new IdempotencyClaim("fingerprint-b", "notice-2", Samples.Now.AddMinutes(1)), Retention));

        await ReopenStoresAsync();
        var reopened = await OpenIdempotencyStoreAsync();
        Assert.Equal(first, await reopened.ClaimAsync("anna", "key-1", new IdempotencyClaim("fingerprint-a", "notice-3", Samples.Now.AddHours(1)), Retention));
    }

    [Fact]
    public async Task AKeyIsFreeAgainOnceItsClaimHasLapsed()
    {
        var keys = await OpenIdempotencyStoreAsync();
        var first = new IdempotencyClaim("f", "notice-1", Samples.Now);
        await keys.ClaimAsync("anna", "key-1", first, Retention);

        var withinRetention = new IdempotencyClaim("g", "notice-2", Samples.Now + Retention);
        Assert.Equal(first, await keys.ClaimAsync("anna", "key-1", withinRetention, Retention));
        var afterIt = new IdempotencyClaim("g", "notice-3", Samples.Now + Retention + TimeSpan.FromMinutes(1));
        Assert.Equal(afterIt, await keys.ClaimAsync("anna", "key-1", afterIt, Retention));
    }

    [Fact]
    public async Task AKeyIsTheAccountsOwn()
    {
        var keys = await OpenIdempotencyStoreAsync();
        await keys.ClaimAsync("anna", "b:key", new IdempotencyClaim("f", "notice-1", Samples.Now), Retention);

        var bosse = new IdempotencyClaim("f", "notice-2", Samples.Now);
        Assert.Equal(bosse, await keys.ClaimAsync("bosse", "b:key", bosse, Retention));
        // Nor does a separator in the name make another account's key of it.
        var annab = new IdempotencyClaim("f", "notice-3", Samples.Now);
        Assert.Equal(annab, await keys.ClaimAsync("anna:b", "key", annab, Retention));
    }

    [Fact]
    public async Task OfClaimsMadeAtOnceAllGetTheSameOne()
    {
        var keys = await OpenIdempotencyStoreAsync();
        var claims = Enumerable.Range(0, 8).Select(i => new IdempotencyClaim("f", $"notice-{i}", Samples.Now)).ToArray();

        var kept = await Task.WhenAll(claims.Select(c => Task.Run(() => keys.ClaimAsync("anna", "key-1", c, Retention))));

        Assert.Single(kept.Distinct());
        Assert.Contains(kept[0], claims);
    }
}
