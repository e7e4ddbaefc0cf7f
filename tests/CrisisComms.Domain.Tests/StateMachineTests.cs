using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;

namespace CrisisComms.Domain.Tests;

/// <summary>The life of a notice, and of its stages.</summary>
public class StateMachineTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-23T12:00:00Z");
    private static readonly DispatchTimings Timings = new(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(30), TimeSpan.FromHours(1));

    private static Notice Live(NoticeDraft? draft = null, NoticeKind kind = NoticeKind.Alert, params string[] channelsOn)
    {
        var notice = Samples.Notice("anna", draft, kind);
        notice.Submit(Samples.Author("anna"), Now);
        notice.Approve(Samples.Approver("bo"), false, null, Now, Timings, channelsOn.ToHashSet());
        return notice;
    }

    [Fact]
    public void OnlyADraftCanBeSubmitted()
    {
        var notice = Samples.Notice();
        notice.Submit(Samples.Author("anna"), Now);
        Assert.Throws<WrongStateException>(() => notice.Submit(Samples.Author("anna"), Now));
    }

    [Fact]
    public void ARejectedNoticeCanBeEditedBackToADraft()
    {
        var notice = Samples.Notice();
        notice.Submit(Samples.Author("anna"), Now);
        notice.Reject(Samples.Approver("bo"), "Fel område", Now);
        Assert.Equal(NoticeState.Rejected, notice.State);
        notice.Edit(Samples.Draft(), false, Samples.Author("anna"), Now);
        Assert.Equal(NoticeState.Draft, notice.State);
    }

    [Fact]
    public void SomeoneElsesDraftCanOnlyBeEditedByAnApprover()
    {
        var notice = Samples.Notice("anna");
        Assert.Throws<NotAllowedException>(() => notice.Edit(Samples.Draft(), false, Samples.Author("cecilia"), Now));
        notice.Edit(Samples.Draft(), false, Samples.Approver("bo"), Now);
    }

    [Fact]
    public void ALiveNoticeCannotBeEdited()
    {
        var notice = Live();
        Assert.Throws<WrongStateException>(() => notice.Edit(Samples.Draft(), false, Samples.Author("anna"), Now));
    }

    [Fact]
    public void ThePublicStageWaitsForTheLeadAndTheIntranet()
    {
        var notice = Live();
        var publicStage = notice.StageNamed(Stage.Public)!;
        Assert.Equal(Now + Timings.IntranetLead, publicStage.DueAt);
        Assert.Null(notice.CompleteBannerStage(Stage.Public, Now + Timings.IntranetLead, Timings)); // intranet not done yet
        Assert.NotNull(notice.CompleteBannerStage(Stage.Intranet, Now, Timings));
        Assert.Null(notice.CompleteBannerStage(Stage.Public, Now + TimeSpan.FromSeconds(59), Timings));
        Assert.NotNull(notice.CompleteBannerStage(Stage.Public, Now + Timings.IntranetLead, Timings));
        Assert.Null(notice.CompleteBannerStage(Stage.Public, Now + Timings.IntranetLead, Timings)); // never twice
    }

    [Fact]
    public void SocialStagesAreScheduledOnlyOnceThePublicBannerIsUp()
    {
        var notice = Live(Samples.Draft(channels: ["x", "mastodon"]), NoticeKind.Alert, "x", "mastodon");
        Assert.All(notice.Stages.Where(s => s.IsSocial), s => Assert.Equal(StageState.Pending, s.State));
        notice.CompleteBannerStage(Stage.Intranet, Now, Timings);
        var publicAt = Now + Timings.IntranetLead;
        notice.CompleteBannerStage(Stage.Public, publicAt, Timings);
        Assert.All(notice.Stages.Where(s => s.IsSocial), s =>
        {
            Assert.Equal(StageState.Scheduled, s.State);
            Assert.Equal(publicAt + Timings.SocialDelay, s.DueAt);
        });
    }

    [Fact]
    public void AStaffNoticeSkipsThePublicAndSocialStages()
    {
        var notice = Live(Samples.Draft(audience: Audience.Staff));
        Assert.Equal(StageState.Skipped, notice.StageNamed(Stage.Public)!.State);
    }

    [Fact]
    public void AnExerciseIsNeverPostedAndAnUnconfiguredChannelIsSkipped()
    {
        var drill = Live(Samples.Draft(mode: NoticeMode.Exercise, channels: ["x"]), NoticeKind.Alert, "x");
        Assert.Equal(StageState.Skipped, drill.StageNamed("social:x")!.State);
        Assert.Contains("exercise", drill.StageNamed("social:x")!.Error);

        var off = Live(Samples.Draft(channels: ["facebook"]));
        Assert.Equal(StageState.Skipped, off.StageNamed("social:facebook")!.State);
    }

    [Fact]
    public void ReleaseNextBringsTheNextStageForward()
    {
        var notice = Live();
        notice.CompleteBannerStage(Stage.Intranet, Now, Timings);
        var released = notice.ReleaseNext(Samples.Approver("bo"), Now + TimeSpan.FromSeconds(5));
        Assert.Equal(Stage.Public, Assert.Single(released.Stages));
        Assert.NotNull(notice.CompleteBannerStage(Stage.Public, Now + TimeSpan.FromSeconds(5), Timings));
        Assert.Throws<WrongStateException>(() => notice.ReleaseNext(Samples.Approver("bo"), Now + TimeSpan.FromSeconds(6)));
    }

    [Fact]
    public void WithdrawalCancelsWhatIsPendingAndNeedsAReason()
    {
        var notice = Live();
        notice.CompleteBannerStage(Stage.Intranet, Now, Timings);
        Assert.Throws<InvalidFieldException>(() => notice.Withdraw(Samples.Approver("bo"), "", Now));
        notice.Withdraw(Samples.Approver("bo"), "Fel", Now);
        Assert.Equal(NoticeState.Withdrawn, notice.State);
        Assert.Equal(StageState.Done, notice.StageNamed(Stage.Intranet)!.State);
        Assert.Equal(StageState.Cancelled, notice.StageNamed(Stage.Public)!.State);
        Assert.Null(notice.NextDueAt);
        Assert.Throws<WrongStateException>(() => notice.Withdraw(Samples.Approver("bo"), "again", Now));
    }

    [Fact]
    public void ANoticeExpiresAtItsExpiryAndNotBefore()
    {
        var notice = Live(Samples.Draft(expiresAt: Now.AddHours(2)));
        Assert.Null(notice.ExpireIfDue(Now.AddHours(1)));
        Assert.NotNull(notice.ExpireIfDue(Now.AddHours(2)));
        Assert.Equal(NoticeState.Expired, notice.State);
    }

    [Fact]
    public void AnAllClearClosesAfterItHasBeenVisibleForItsTime()
    {
        var allClear = Live(Samples.Draft(audience: Audience.Staff), NoticeKind.AllClear);
        Assert.Null(allClear.ClosesAt);
        allClear.CompleteBannerStage(Stage.Intranet, Now, Timings);
        Assert.Equal(Now + Timings.AllClearVisibleFor, allClear.ClosesAt);
        Assert.Null(allClear.CloseIfDue(Now.AddMinutes(59)));
        Assert.NotNull(allClear.CloseIfDue(Now.AddHours(1)));
        Assert.Equal(NoticeState.Closed, allClear.State);
    }

    [Fact]
    public void ASocialStageIsClaimedOnceUntilItsLeaseLapses()
    {
        var notice = Live(Samples.Draft(channels: ["x"]), NoticeKind.Alert, "x");
        notice.CompleteBannerStage(Stage.Intranet, Now, Timings);
        var publicAt = Now + Timings.IntranetLead;
        notice.CompleteBannerStage(Stage.Public, publicAt, Timings);
        var due = publicAt + Timings.SocialDelay;
        var lease = TimeSpan.FromMinutes(2);

        Assert.NotNull(notice.TryClaimSocialStage("social:x", due, lease));
        Assert.Null(notice.TryClaimSocialStage("social:x", due + TimeSpan.FromMinutes(1), lease));
        Assert.NotNull(notice.TryClaimSocialStage("social:x", due + lease, lease)); // the first claimant died
        Assert.Equal(2, notice.StageNamed("social:x")!.Attempts);
        notice.RecordPosted("social:x", "1234", due + lease);
        Assert.Null(notice.TryClaimSocialStage("social:x", due + lease * 3, lease));
    }
}
