using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;

namespace CrisisComms.Domain.Tests;

/// <summary>Each operation says what it did as events: the host logs, audits and publishes from these alone.</summary>
public class NoticeEventTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-23T12:00:00Z");
    private static readonly DispatchTimings Timings = new(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly IRetryPolicy Policy = new ThreeTries();

    private sealed class ThreeTries : IRetryPolicy
    {
        public int MaxAttempts => 3;
        public TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(10 * attempts);
    }

    private static Notice Live(params string[] channels)
    {
        var notice = Samples.Notice(draft: Samples.Draft(channels: channels));
        notice.Submit(Samples.Author("anna"), Now);
        notice.Approve(Samples.Approver("bo"), false, null, Now, Timings, channels.ToHashSet());
        return notice;
    }

    private static (Notice Notice, string ClaimId) Claimed(string channel = "x")
    {
        var notice = Live(channel);
        notice.AdvanceBannerStages(Now + Timings.IntranetLead, Timings);
        var claim = Assert.IsType<PostClaimed>(Assert.Single(notice.RunDue(Now + Timings.IntranetLead + Timings.SocialDelay, Timings, Lease)));
        return (notice, claim.ClaimId);
    }

    [Fact]
    public void TheOfficerActionsEachSayWhatTheyDid()
    {
        var notice = Samples.Notice();
        Assert.Equal(new NoticeCreated(notice.Id, notice.CreatedAt, NoticeKind.Alert, 1), notice.Created);
        Assert.Equal(new NoticeSubmitted(notice.Id, Now), notice.Submit(Samples.Author("anna"), Now));
        Assert.Equal(new NoticeRejected(notice.Id, Now, "Fel adress"), notice.Reject(Samples.Approver("bo"), " Fel adress ", Now));
        Assert.IsType<NoticeEdited>(notice.Edit(Samples.Draft(), false, Samples.Author("anna"), Now));
        notice.Submit(Samples.Author("anna"), Now);
        Assert.Equal(new NoticeApproved(notice.Id, Now, false, null),
            notice.Approve(Samples.Approver("bo"), false, null, Now, Timings, new HashSet<string>()));
    }

    [Fact]
    public void ApprovalRunsTheIntranetStageAndTheClockThePublicOne()
    {
        var notice = Live();
        Assert.Equal([new StageCompleted(notice.Id, Now, Stage.Intranet)], notice.AdvanceBannerStages(Now, Timings));
        Assert.Empty(notice.RunDue(Now + TimeSpan.FromSeconds(59), Timings, Lease));
        Assert.Equal([new StageCompleted(notice.Id, Now + Timings.IntranetLead, Stage.Public)],
            notice.RunDue(Now + Timings.IntranetLead, Timings, Lease));
    }

    [Fact]
    public void ReleasingNamesTheStagesBroughtForward()
    {
        var notice = Live("x", "mastodon");
        notice.AdvanceBannerStages(Now, Timings);
        notice.AdvanceBannerStages(Now + Timings.IntranetLead, Timings);
        Assert.Equal(["social:x", "social:mastodon"], notice.ReleaseNext(Samples.Approver("bo"), Now).Stages);
    }

    [Fact]
    public void ExpiryAndCloseAreEventsOfTheClock()
    {
        var notice = Samples.Notice(draft: Samples.Draft(expiresAt: Now.AddHours(2)));
        notice.Submit(Samples.Author("anna"), Now);
        notice.Approve(Samples.Approver("bo"), false, null, Now, Timings, new HashSet<string>());
        Assert.Equal([new NoticeExpired(notice.Id, Now.AddHours(2))], notice.RunDue(Now.AddHours(2), Timings, Lease));
    }

    [Fact]
    public void ADuePostIsClaimedWithItsAttemptAndLease()
    {
        var notice = Live("x");
        notice.AdvanceBannerStages(Now + Timings.IntranetLead, Timings);
        var due = Now + Timings.IntranetLead + Timings.SocialDelay;
        var claim = Assert.IsType<PostClaimed>(Assert.Single(notice.RunDue(due, Timings, Lease)));
        Assert.Equal(new PostClaimed(notice.Id, due, "social:x", 1, due + Lease, claim.ClaimId), claim);
        Assert.Equal(claim.ClaimId, notice.StageNamed("social:x")!.ClaimId);
        Assert.Empty(notice.RunDue(due + TimeSpan.FromMinutes(1), Timings, Lease));
    }

    [Fact]
    public void APostOutcomeCompletesRetriesOrFailsTheStage()
    {
        var (posted, claim) = Claimed();
        Assert.Equal([new StageCompleted(posted.Id, Now, "social:x", "123")],
            posted.RecordPostOutcome("social:x", claim, new PostOutcome.Posted("123"), Now, Policy));

        (var retried, claim) = Claimed();
        var retry = Assert.IsType<PostRetryScheduled>(Assert.Single(
            retried.RecordPostOutcome("social:x", claim, new PostOutcome.Retry("503", null), Now, Policy)));
        Assert.Equal((1, Now + TimeSpan.FromSeconds(10)), (retry.Attempt, retry.RetryAt));

        (var failed, claim) = Claimed();
        Assert.Equal([new StageFailed(failed.Id, Now, "social:x", "Token revoked")],
            failed.RecordPostOutcome("social:x", claim, new PostOutcome.Failed("Token revoked"), Now, Policy));
    }

    [Fact]
    public void APostThatLandsAfterAWithdrawalIsKeptToBeDeleted()
    {
        var (notice, claim) = Claimed();
        var withdrawn = notice.Withdraw(Samples.Approver("bo"), "Fel", Now);
        Assert.Equal([new NoticeWithdrawn(notice.Id, Now, "Fel", WasLive: true)], withdrawn);
        Assert.Equal([new LatePostRecorded(notice.Id, Now, "social:x", "123")],
            notice.RecordPostOutcome("social:x", claim, new PostOutcome.Posted("123"), Now, Policy));
        var delete = Assert.IsType<DeleteClaimed>(Assert.Single(notice.RunDue(Now, Timings, Lease)));
        Assert.Equal(new DeleteClaimed(notice.Id, Now, "social:x", "123", Now + Lease, delete.ClaimId), delete);
        Assert.Equal([new PostDeleted(notice.Id, Now, "social:x", "123")],
            notice.RecordDeleteOutcome("social:x", delete.ClaimId, new PostOutcome.Posted("123"), Now, Policy));
        Assert.Empty(notice.RecordDeleteOutcome("social:x", delete.ClaimId, new PostOutcome.Posted("123"), Now, Policy));
    }

    [Fact]
    public void APostThatLandsAfterTheNoticeWasSupersededStays()
    {
        var (notice, claim) = Claimed();
        var newer = Samples.Notice(kind: NoticeKind.Update, incidentId: notice.IncidentId, version: 2);
        notice.Supersede(Now, by: newer);
        Assert.Equal([new StageCompleted(notice.Id, Now, "social:x", "123")],
            notice.RecordPostOutcome("social:x", claim, new PostOutcome.Posted("123"), Now, Policy));
        var stage = notice.StageNamed("social:x")!;
        Assert.Equal((StageState.Done, "123", (DateTimeOffset?)null), (stage.State, stage.ExternalId, stage.RetractDueAt));
        Assert.Empty(notice.RunDue(Now + Lease, Timings, Lease)); // nothing to delete
    }

    [Fact]
    public void WithdrawingAPostedNoticeSaysWhichPostsAreToBeDeleted()
    {
        var (notice, claim) = Claimed();
        notice.RecordPostOutcome("social:x", claim, new PostOutcome.Posted("123"), Now, Policy);
        var events = notice.Withdraw(Samples.Approver("bo"), "Fel", Now);
        Assert.Equal(new PostDeleteDue(notice.Id, Now, "social:x", "123"), events[1]);
    }

    [Fact]
    public void SupersedingNamesTheNewerVersion()
    {
        var older = Live();
        var newer = Samples.Notice(kind: NoticeKind.Update, incidentId: older.IncidentId, version: 2);
        Assert.Equal(new NoticeSuperseded(older.Id, Now, newer.Id, 2), older.Supersede(Now, by: newer));
    }
}
