using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;
using Microsoft.Extensions.Time.Testing;

namespace CrisisComms.Domain.Tests;

/// <summary>
/// Two runners share one stored notice, as two nodes share the store: each loads it, decides, and
/// saves only over the revision it loaded. Runner A stalls past its lease (a GC pause, a frozen VM);
/// runner B takes the post over. Whatever A brings back afterwards cannot undo B's result.
/// </summary>
public class FencedClaimTests
{
    private static readonly DispatchTimings Timings = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromHours(1));
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly IRetryPolicy Policy = new Retries();

    private sealed class Retries : IRetryPolicy
    {
        public int MaxAttempts => 8;
        public TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(2);
    }

    /// <summary>One row with a row version: the conditional write every store makes.</summary>
    private sealed class OneRow(Notice notice)
    {
        private string _json = StoredJson.Serialize(notice);
        private long _version = 1;

        public Notice Load()
        {
            var loaded = StoredJson.DeserializeNotice(_json);
            loaded.RowVersion = _version;
            return loaded;
        }

        public void Save(Notice notice)
        {
            if (notice.RowVersion != _version) throw new ConcurrencyConflictException(notice.Id);
            _json = StoredJson.Serialize(notice);
            _version++;
        }
    }

    private sealed class Runner(OneRow row, TimeProvider clock)
    {
        public string? ClaimId { get; private set; }

        public bool Claim()
        {
            var notice = row.Load();
            var claim = notice.RunDue(clock.GetUtcNow(), Timings, Lease).OfType<PostClaimed>().SingleOrDefault();
            if (claim is null) return false;
            row.Save(notice);
            ClaimId = claim.ClaimId;
            return true;
        }

        public void Record(PostOutcome outcome)
        {
            var notice = row.Load();
            notice.RecordPostOutcome("social:x", ClaimId!, outcome, clock.GetUtcNow(), Policy);
            row.Save(notice);
        }
    }

    private static OneRow ADuePost(DateTimeOffset now)
    {
        var notice = Samples.Notice(draft: Samples.Draft(channels: ["x"]));
        notice.Submit(Samples.Author("anna"), now);
        notice.Approve(Samples.Approver("bo"), false, null, now, Timings, new HashSet<string> { "x" });
        notice.AdvanceBannerStages(now, Timings);
        return new OneRow(notice);
    }

    [Fact]
    public void ARunnerPausedPastItsLeaseCannotOverwriteTheNewOwnersResult()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T12:00:00Z"));
        var row = ADuePost(clock.GetUtcNow());
        var a = new Runner(row, clock);
        var b = new Runner(row, clock);

        Assert.True(a.Claim());
        Assert.False(b.Claim()); // A's lease holds
        clock.Advance(Lease + TimeSpan.FromSeconds(1)); // A is paused past its lease
        Assert.True(b.Claim());

        // A wakes up with a failure and would reschedule the stage whose post B is sending.
        Assert.Throws<StaleClaimException>(() => a.Record(new PostOutcome.Retry("X answered 503", null)));
        b.Record(new PostOutcome.Posted("1860000000000000001"));
        Assert.Throws<StaleClaimException>(() => a.Record(new PostOutcome.Posted("1860000000000000002")));

        var stage = row.Load().StageNamed("social:x")!;
        Assert.Equal(StageState.Done, stage.State);
        Assert.Equal("1860000000000000001", stage.ExternalId);
        Assert.Equal(2, stage.Attempts);
    }

    [Fact]
    public void ADeleteIsFencedLikeAPost()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T12:00:00Z"));
        var row = ADuePost(clock.GetUtcNow());
        var poster = new Runner(row, clock);
        poster.Claim();
        poster.Record(new PostOutcome.Posted("1"));
        var notice = row.Load();
        notice.Withdraw(Samples.Approver("bo"), "Fel", clock.GetUtcNow());
        var first = notice.ClaimDueRetractions(clock.GetUtcNow(), Lease).Single();
        clock.Advance(Lease);
        var second = notice.ClaimDueRetractions(clock.GetUtcNow(), Lease).Single();

        Assert.Throws<StaleClaimException>(() =>
            notice.RecordDeleteOutcome("social:x", first.ClaimId, new PostOutcome.Failed("403"), clock.GetUtcNow(), Policy));
        Assert.IsType<PostDeleted>(Assert.Single(
            notice.RecordDeleteOutcome("social:x", second.ClaimId, new PostOutcome.Posted("1"), clock.GetUtcNow(), Policy)));
    }
}
