using CrisisComms.Domain.Channels;
using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;

namespace CrisisComms.Domain.Tests;

/// <summary>The channel rules, and what a held channel does to a post that falls due.</summary>
public class ChannelApprovalTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-12-03T12:00:00Z");
    private static readonly DispatchTimings Timings = new(TimeSpan.FromMinutes(1), TimeSpan.Zero, TimeSpan.FromHours(1));
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly Actor Admin = new("ada", "Ada", new HashSet<string> { Roles.Admin });

    private static Notice LiveWithPublicDone(params string[] channels)
    {
        var notice = Samples.Notice(draft: Samples.Draft(channels: channels));
        notice.Submit(Samples.Author("anna"), Now);
        notice.Approve(Samples.Approver("bo"), false, null, Now, Timings, channels.ToHashSet());
        notice.AdvanceBannerStages(Now + Timings.IntranetLead, Timings);
        return notice;
    }

    [Fact]
    public void AChannelNeverDecidedAwaitsApprovalAndOnlyAnApprovedOneIsPosted()
    {
        Assert.Equal(ChannelState.AwaitingApproval, ChannelRules.StateOf(null));
        Assert.Contains("awaits formal approval", ChannelRules.WhyNotPosted("x", null));
        var approved = ChannelRules.Decide("x", null, ChannelState.Approved, Admin, " Beslut 12 ", Now);
        Assert.Equal(new ChannelStateChanged("x", ChannelState.AwaitingApproval, new ChannelDecision("x", ChannelState.Approved, "ada", Now, "Beslut 12")),
            approved);
        Assert.Null(ChannelRules.WhyNotPosted("x", approved.After));
        var suspended = ChannelRules.Decide("x", approved.After, ChannelState.Suspended, Admin, "Kapat", Now);
        Assert.Equal(ChannelState.Approved, suspended.Before);
        Assert.Equal("The channel 'x' is suspended: Kapat", ChannelRules.WhyNotPosted("x", suspended.After));
        Assert.Equal(ChannelState.Approved, ChannelRules.Decide("x", suspended.After, ChannelState.Approved, Admin, "Säkrat", Now).After.State);
    }

    [Fact]
    public void OnlyAnAdminDecidesAndAlwaysWithAReason()
    {
        Assert.Throws<NotAllowedException>(() => ChannelRules.Decide("x", null, ChannelState.Approved, Samples.Approver("bo"), "Ja", Now));
        foreach (var reason in new[] { null, "", "  ", new string('a', ChannelRules.MaxReasonLength + 1) })
            Assert.Equal("reason", Assert.Throws<InvalidFieldException>(() => ChannelRules.Decide("x", null, ChannelState.Suspended, Admin, reason, Now)).Field);
    }

    [Fact]
    public void ADuePostToAHeldChannelIsSkippedWithTheReasonAndTheOthersAreClaimed()
    {
        var notice = LiveWithPublicDone("x", "mastodon");
        var held = new Dictionary<string, string> { ["x"] = "The channel 'x' is suspended: Kapat" };

        var events = notice.RunDue(Now + Timings.IntranetLead, Timings, Lease, held);

        Assert.Equal(new StageSkipped(notice.Id, Now + Timings.IntranetLead, "social:x", "The channel 'x' is suspended: Kapat"),
            Assert.Single(events.OfType<StageSkipped>()));
        Assert.Equal("social:mastodon", Assert.Single(events.OfType<PostClaimed>()).Stage);
        Assert.Equal(StageState.Skipped, notice.StageNamed("social:x")!.State);
        Assert.Equal("The channel 'x' is suspended: Kapat", notice.StageNamed("social:x")!.Error);
    }

    [Fact]
    public void APostNotYetDueIsNotSkippedSoTheChannelCanStillBeApprovedInTime()
    {
        var notice = Samples.Notice(draft: Samples.Draft(channels: ["x"]));
        notice.Submit(Samples.Author("anna"), Now);
        notice.Approve(Samples.Approver("bo"), false, null, Now, Timings, new HashSet<string> { "x" });
        var held = new Dictionary<string, string> { ["x"] = "awaits" };

        Assert.DoesNotContain(notice.RunDue(Now, Timings, Lease, held), e => e is StageSkipped);
        Assert.Equal(StageState.Pending, notice.StageNamed("social:x")!.State);
        notice.AdvanceBannerStages(Now + Timings.IntranetLead, Timings);
        Assert.IsType<PostClaimed>(Assert.Single(notice.RunDue(Now + Timings.IntranetLead, Timings, Lease)));
    }
}
