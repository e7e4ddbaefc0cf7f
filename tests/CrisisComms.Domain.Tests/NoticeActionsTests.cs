using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;

namespace CrisisComms.Domain.Tests;

/// <summary>What each officer is offered is what the workflow would accept.</summary>
public class NoticeActionsTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-23T12:00:00Z");
    private static readonly Actor Admin = new("adam", "adam", new HashSet<string> { Roles.Admin });
    private static readonly Actor Staff = new("sven", "sven", new HashSet<string> { Roles.Staff });

    private static string Actions(Notice notice, Actor actor) => string.Join(",", NoticeActions.For(notice, actor).Select(a => a.ToCamelCase()));

    [Fact]
    public void ADraftOffersItsAuthorEditAndSubmitAndAnApproverAlsoWithdraw()
    {
        var draft = Samples.Notice("anna");
        Assert.Equal("edit,submit", Actions(draft, Samples.Author("anna")));
        Assert.Equal("submit", Actions(draft, Samples.Author("cecilia")));
        Assert.Equal("edit,submit,withdraw", Actions(draft, Samples.Approver("bosse")));
    }

    [Fact]
    public void APendingNoticeOffersApprovalOnlyToThoseWhoDidNotWriteIt()
    {
        var pending = Samples.Notice("anna");
        pending.Submit(Samples.Author("anna"), Now);
        Assert.Equal("retractSubmission", Actions(pending, Samples.Author("anna")));
        Assert.Equal("approve,reject,withdraw", Actions(pending, Samples.Approver("bosse")));
        Assert.Equal("approve,reject,withdraw", Actions(pending, Samples.Director("dora")));

        var directors = Samples.Notice("dora");
        directors.Submit(Samples.Director("dora"), Now);
        Assert.Equal("approveBreakGlass,reject,withdraw,retractSubmission", Actions(directors, Samples.Director("dora")));
        Assert.Throws<NotAllowedException>(() => pending.Approve(Samples.Director("dora"), true, "no need", Now, DispatchTimings.Default, new HashSet<string>()));
    }

    [Fact]
    public void ALiveNoticeOffersReleaseWithdrawAndFollowUps()
    {
        var live = Samples.Notice("anna");
        live.Submit(Samples.Author("anna"), Now);
        live.Approve(Samples.Approver("bosse"), false, null, Now, DispatchTimings.Default, new HashSet<string>());
        Assert.Equal("update,allClear", Actions(live, Samples.Author("anna")));
        Assert.Equal("releaseNext,withdraw,update,allClear", Actions(live, Samples.Approver("bosse")));
    }

    [Fact]
    public void OnlyTheOfficerWhoSubmittedANoticeMayTakeItBackToADraft()
    {
        var pending = Samples.Notice("anna");
        pending.Submit(Samples.Author("cecilia"), Now);
        Assert.Equal("", Actions(pending, Samples.Author("anna")));
        Assert.Throws<NotAllowedException>(() => pending.RetractSubmission(Samples.Author("anna"), Now));

        pending.RetractSubmission(Samples.Author("cecilia"), Now);
        Assert.Equal(NoticeState.Draft, pending.State);
        Assert.Equal("edit,submit", Actions(pending, Samples.Author("anna")));
    }

    [Fact]
    public void ALiveAllClearOffersNoSecondAllClear()
    {
        var live = Samples.Notice("anna");
        live.Submit(Samples.Author("anna"), Now);
        live.Approve(Samples.Approver("bosse"), false, null, Now, DispatchTimings.Default, new HashSet<string>());
        var allClear = Notice.Create("n2", live.IncidentId, 2, NoticeKind.AllClear, live.Draft, false, Samples.Author("anna"), Now);
        allClear.Submit(Samples.Author("anna"), Now);
        allClear.Approve(Samples.Approver("bosse"), false, null, Now, DispatchTimings.Default, new HashSet<string>());
        Assert.DoesNotContain("allClear", Actions(allClear, Samples.Author("anna")));
        Assert.Equal("releaseNext,withdraw,update", Actions(allClear, Samples.Approver("bosse")));
    }

    [Fact]
    public void StaffAndAdminAreOfferedNothing()
    {
        var pending = Samples.Notice("anna");
        pending.Submit(Samples.Author("anna"), Now);
        Assert.Equal("", Actions(pending, Staff));
        Assert.Equal("", Actions(pending, Admin));
        Assert.False(Admin.IsAuthor);
        Assert.Throws<NotAllowedException>(() => pending.Approve(Admin, false, null, Now, DispatchTimings.Default, new HashSet<string>()));
    }
}
