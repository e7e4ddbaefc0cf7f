using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;

namespace CrisisComms.Domain.Tests;

/// <summary>The two-person rule and break-glass.</summary>
public class ApprovalRulesTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-23T12:00:00Z");
    private static readonly HashSet<string> NoChannels = [];

    private static Notice Pending(string author, NoticeMode mode = NoticeMode.Actual)
    {
        var notice = Samples.Notice(author, Samples.Draft(mode: mode));
        notice.Submit(Samples.Author(author), Now);
        return notice;
    }

    [Fact]
    public void ApprovingOwnNoticeIsForbidden()
    {
        var notice = Pending("bo");
        Assert.Throws<NotAllowedException>(() => notice.Approve(Samples.Approver("bo"), false, null, Now, DispatchTimings.Default, NoChannels));
        Assert.Equal(NoticeState.PendingApproval, notice.State);
    }

    [Fact]
    public void AnotherApproverMayApprove()
    {
        var notice = Pending("anna");
        notice.Approve(Samples.Approver("bo"), false, null, Now, DispatchTimings.Default, NoChannels);
        Assert.Equal(NoticeState.Live, notice.State);
        Assert.Equal("bo", notice.ApprovedBy);
    }

    [Fact]
    public void AnAuthorCannotApproveAtAll()
    {
        var notice = Pending("anna");
        Assert.Throws<NotAllowedException>(() => notice.Approve(Samples.Author("cecilia"), false, null, Now, DispatchTimings.Default, NoChannels));
    }

    [Fact]
    public void ADirectorApprovingOwnNoticeMustBreakGlass()
    {
        var notice = Pending("dora");
        var director = Samples.Director("dora");
        Assert.Throws<NotAllowedException>(() => notice.Approve(director, false, null, Now, DispatchTimings.Default, NoChannels));
        var noReason = Assert.Throws<InvalidFieldException>(() => notice.Approve(director, true, " ", Now, DispatchTimings.Default, NoChannels));
        Assert.Equal("reason", noReason.Field);

        notice.Approve(director, true, "Night shift, alone", Now, DispatchTimings.Default, NoChannels);

        Assert.Equal(NoticeState.Live, notice.State);
        Assert.True(notice.BreakGlass);
        Assert.Equal("Night shift, alone", notice.Reason);
    }

    [Fact]
    public void OnlyADirectorMayBreakGlass()
    {
        var notice = Pending("bo");
        Assert.Throws<NotAllowedException>(() => notice.Approve(Samples.Approver("bo"), true, "urgent", Now, DispatchTimings.Default, NoChannels));
    }

    [Theory]
    [InlineData(NoticeMode.Exercise)]
    [InlineData(NoticeMode.Test)]
    public void AnExerciseOrTestFollowsTheTwoPersonRuleToo(NoticeMode mode)
    {
        var notice = Pending("bo", mode);
        var refused = Assert.Throws<NotAllowedException>(() => notice.Approve(Samples.Approver("bo"), false, null, Now, DispatchTimings.Default, NoChannels));
        Assert.Equal(NoticeActions.TwoPersonRule, refused.Rule);

        notice.Approve(Samples.Approver("carin"), false, null, Now, DispatchTimings.Default, NoChannels);
        Assert.Equal(NoticeState.Live, notice.State);
    }

    [Fact]
    public void AnApproverWhoEditedAnotherAuthorsDraftCannotApproveIt()
    {
        var notice = Samples.Notice("anna");
        notice.Edit(Samples.Draft(), false, Samples.Approver("bosse"), Now);
        notice.Submit(Samples.Approver("bosse"), Now);

        var refused = Assert.Throws<NotAllowedException>(() => notice.Approve(Samples.Approver("bosse"), false, null, Now, DispatchTimings.Default, NoChannels));

        Assert.Equal(NoticeActions.TwoPersonRule, refused.Rule);
        Assert.Equal(NoticeState.PendingApproval, notice.State);
        Assert.Equal(["anna", "bosse"], notice.Contributors);
    }

    [Fact]
    public void AnApproverWhoOnlySubmittedCannotApproveIt()
    {
        var notice = Samples.Notice("anna");
        notice.Submit(Samples.Approver("bosse"), Now);
        Assert.Throws<NotAllowedException>(() => notice.Approve(Samples.Approver("bosse"), false, null, Now, DispatchTimings.Default, NoChannels));
        notice.Approve(Samples.Approver("carin"), false, null, Now, DispatchTimings.Default, NoChannels);
        Assert.Equal("carin", notice.ApprovedBy);
    }

    [Fact]
    public void ContributorsAreKeptInOrderEachOnce()
    {
        var notice = Samples.Notice("anna");
        notice.Edit(Samples.Draft(), false, Samples.Author("anna"), Now);
        notice.Edit(Samples.Draft(), false, Samples.Approver("bosse"), Now);
        notice.Edit(Samples.Draft(), false, Samples.Author("anna"), Now);
        notice.Submit(Samples.Author("anna"), Now);
        Assert.Equal(["anna", "bosse"], notice.Contributors);
    }

    [Fact]
    public void ADirectorWhoEditedMayApproveOnlyByBreakingGlass()
    {
        var notice = Samples.Notice("anna");
        notice.Edit(Samples.Draft(), false, Samples.Director("dora"), Now);
        notice.Submit(Samples.Author("anna"), Now);
        Assert.Throws<NotAllowedException>(() => notice.Approve(Samples.Director("dora"), false, null, Now, DispatchTimings.Default, NoChannels));
        notice.Approve(Samples.Director("dora"), true, "Ingen annan nås", Now, DispatchTimings.Default, NoChannels);
        Assert.True(notice.BreakGlass);
    }
}
