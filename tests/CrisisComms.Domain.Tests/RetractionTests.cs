using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;

namespace CrisisComms.Domain.Tests;

/// <summary>After a withdrawal, the posts that were made are deleted — each once, and retried until done.</summary>
public class RetractionTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-23T12:00:00Z");
    private static readonly DispatchTimings Timings = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromHours(1));
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private static Notice Posted(params string[] channels)
    {
        var notice = Samples.Notice(draft: Samples.Draft(channels: channels));
        notice.Submit(Samples.Author("anna"), Now);
        notice.Approve(Samples.Approver("bo"), false, null, Now, Timings, channels.ToHashSet());
        notice.CompleteBannerStage(Stage.Intranet, Now, Timings);
        notice.CompleteBannerStage(Stage.Public, Now, Timings);
        foreach (var channel in channels)
        {
            notice.TryClaimSocialStage($"social:{channel}", Now, Lease);
            notice.RecordPosted($"social:{channel}", $"post-{channel}", Now);
        }
        return notice;
    }

    [Fact]
    public void WithdrawingMarksEveryPostForDeletion()
    {
        var notice = Posted("x", "mastodon");
        notice.Withdraw(Samples.Approver("bo"), "Fel", Now);
        Assert.All(notice.Stages.Where(s => s.IsSocial), s => Assert.Equal(Now, s.RetractDueAt));
        Assert.Equal(Now, notice.NextDueAt);
    }

    [Fact]
    public void ADeleteIsClaimedOnceUntilItsLeaseLapses()
    {
        var notice = Posted("x");
        notice.Withdraw(Samples.Approver("bo"), "Fel", Now);
        Assert.Single(notice.ClaimDueRetractions(Now, Lease));
        Assert.Empty(notice.ClaimDueRetractions(Now + TimeSpan.FromMinutes(1), Lease));
        Assert.Single(notice.ClaimDueRetractions(Now + Lease, Lease));
        notice.RecordRetracted("social:x", Now + Lease);
        Assert.Empty(notice.ClaimDueRetractions(Now + Lease * 5, Lease));
        Assert.Null(notice.NextDueAt);
    }

    [Fact]
    public void ANoticeWithoutPostsHasNothingToDelete()
    {
        var notice = Posted();
        notice.Withdraw(Samples.Approver("bo"), "Fel", Now);
        Assert.Null(notice.NextDueAt);
    }

    [Fact]
    public void APostThatWentOutDuringTheWithdrawalIsDeletedToo()
    {
        var notice = Samples.Notice(draft: Samples.Draft(channels: ["x"]));
        notice.Submit(Samples.Author("anna"), Now);
        notice.Approve(Samples.Approver("bo"), false, null, Now, Timings, new HashSet<string> { "x" });
        notice.CompleteBannerStage(Stage.Intranet, Now, Timings);
        notice.CompleteBannerStage(Stage.Public, Now, Timings);
        notice.TryClaimSocialStage("social:x", Now, Lease);
        notice.Withdraw(Samples.Approver("bo"), "Fel", Now);
        Assert.Equal(StageState.Cancelled, notice.StageNamed("social:x")!.State);

        notice.RecordLatePost("social:x", "late-1", Now);

        Assert.Single(notice.ClaimDueRetractions(Now, Lease));
    }
}
