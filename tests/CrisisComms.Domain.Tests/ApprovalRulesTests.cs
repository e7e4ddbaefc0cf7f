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
        notice.Submit(Now);
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
    public void AnExerciseOrTestMayBeApprovedByItsAuthor(NoticeMode mode)
    {
        var notice = Pending("bo", mode);
        notice.Approve(Samples.Approver("bo"), false, null, Now, DispatchTimings.Default, NoChannels);
        Assert.Equal(NoticeState.Live, notice.State);
    }
}
