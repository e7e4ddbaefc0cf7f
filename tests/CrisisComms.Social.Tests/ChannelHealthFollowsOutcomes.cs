using CrisisComms.Domain.Dispatch;
using Microsoft.Extensions.Time.Testing;

namespace CrisisComms.Social.Tests;

public sealed class ChannelHealthFollowsOutcomes
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    private readonly ChannelHealthRegistry registry;

    public ChannelHealthFollowsOutcomes() => registry = new ChannelHealthRegistry(["x", "mastodon"], time);

    private ChannelHealth X => registry.Snapshot().Single(h => h.Name == "x");

    [Fact]
    public void EveryChannelStartsHealthyWithNoHistory() =>
        Assert.Equal(
            [new ChannelHealth("x", true, null, null, null), new ChannelHealth("mastodon", true, null, null, null)],
            registry.Snapshot());

    [Fact]
    public void AFailureThatNeedsAPersonMakesItUnhealthyWithTheReason()
    {
        registry.RecordPost("x", new PostOutcome.Failed("X rejected the credentials"));

        Assert.Equal(new ChannelHealth("x", false, "X rejected the credentials", time.GetUtcNow(), null), X);
        Assert.True(registry.Snapshot().Single(h => h.Name == "mastodon").Healthy);
    }

    [Fact]
    public void ARetryIsRememberedButLeavesItHealthy()
    {
        registry.RecordPost("x", new PostOutcome.Retry("X answered 503", null));

        Assert.True(X.Healthy);
        Assert.Equal("X answered 503", X.LastError);
    }

    [Fact]
    public void ASuccessAfterAFailureMakesItHealthyAgain()
    {
        registry.RecordPost("x", new PostOutcome.Failed("X rejected the credentials"));
        time.Advance(TimeSpan.FromMinutes(5));

        registry.RecordPost("x", new PostOutcome.Posted("1"));

        Assert.True(X.Healthy);
        Assert.Equal(time.GetUtcNow(), X.LastPostAt);
    }

    [Fact]
    public void ADeleteIsNotAPost()
    {
        registry.RecordDelete("x", new PostOutcome.Posted("1"));

        Assert.Null(X.LastPostAt);
    }
}
