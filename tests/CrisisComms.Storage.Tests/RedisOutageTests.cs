using CrisisComms.Domain.Accounts;
using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;
using CrisisComms.Storage.Redis;
using CrisisComms.Testing.Redis;
using StackExchange.Redis;

namespace CrisisComms.Storage.Tests;

/// <summary>Redis going away and coming back, on a server of this class's own since it is killed.</summary>
public sealed class RedisOutageTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    // Far above the client's 2 s timeouts: a call that takes this long is hanging, not failing.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task WhileRedisIsDownEveryCallFailsAsUnavailableAndWhenItReturnsNothingIsLost()
    {
        await using var connection = await redis.Server.ConnectAsync();
        var prefix = $"outage-{Guid.NewGuid():N}:";
        var notices = new RedisNoticeStore(connection, prefix);
        var accounts = new RedisAccountStore(connection, prefix);
        var stored = Samples.Live();
        await notices.SaveAsync(Samples.Insert(stored));
        var refused = Samples.Draft();

        await redis.Server.StopAsync();
        Func<Task>[] calls =
        [
            () => notices.GetAsync(stored.Id),
            () => notices.ListAsync(new NoticeQuery()),
            () => notices.ListDueAsync(Samples.Now),
            () => notices.ListUpcomingAsync(),
            () => notices.ListBannerCandidatesAsync(),
            () => notices.GetBannerRevisionAsync(),
            () => notices.SaveAsync(Samples.Insert(refused)),
            () => notices.AppendAuditAsync(new AuditEntry(Samples.Now, "bo", AuditActions.TokenIssued)),
            () => notices.ListAuditAsync(new AuditQuery()),
            () => notices.PingAsync(),
            () => accounts.FindAsync("anna"),
            () => accounts.ListAsync(),
            () => accounts.UpsertAsync(new Account("anna", "Anna Al", [Roles.Author], "hash", Samples.Now)),
        ];
        var failures = await Task.WhenAll(calls.Select(call => Record.ExceptionAsync(() => call().WaitAsync(Bound))));

        Assert.All(failures, failure => Assert.IsType<StoreUnavailableException>(failure));
        Assert.Equal(0, refused.RowVersion);

        await StartAndReconnectAsync(connection);

        await notices.PingAsync();
        Assert.Equal(1, (await notices.GetAsync(stored.Id))!.RowVersion);
        // A save reported as failed must not turn up later, replayed from the client's backlog.
        Assert.Null(await notices.GetAsync(refused.Id));
        Assert.Equal([AuditActions.Created], (await notices.ListAuditAsync(new AuditQuery())).Select(e => e.Action));
        Assert.Null(await accounts.FindAsync("anna"));
        await notices.SaveAsync(Samples.Insert(refused));
        Assert.Equal(1, refused.RowVersion);
    }

    private async Task StartAndReconnectAsync(IConnectionMultiplexer connection)
    {
        var restored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Interactive) restored.TrySetResult();
        };
        await redis.Server.StartAsync();
        await restored.Task.WaitAsync(Bound);
    }
}
