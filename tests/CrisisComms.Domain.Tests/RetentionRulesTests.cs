using CrisisComms.Domain.Accounts;
using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Records;

namespace CrisisComms.Domain.Tests;

/// <summary>What counts as an ended incident, when it ended, and what retention takes from an account.</summary>
public class RetentionRulesTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-23T12:00:00Z");
    private static readonly DispatchTimings Timings = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromHours(1));
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private static Notice Live(string? incidentId = null, int version = 1, params string[] channels)
    {
        var notice = Samples.Notice(draft: Samples.Draft(channels: channels), incidentId: incidentId, version: version,
            kind: version == 1 ? NoticeKind.Alert : NoticeKind.Update);
        notice.Submit(Samples.Author("anna"), Now);
        notice.Approve(Samples.Approver("bo"), false, null, Now, Timings, channels.ToHashSet());
        notice.AdvanceBannerStages(Now, Timings);
        return notice;
    }

    [Fact]
    public void AnIncidentEndsWhenItsLastLiveVersionIsWithdrawnAndALeftOverDraftGoesWithIt()
    {
        var first = Live();
        Assert.Null(EndedIncident.Of([first]));
        var second = Live(first.IncidentId, 2);
        first.Supersede(Now, second);
        var leftOver = Samples.Notice(incidentId: first.IncidentId, version: 3, kind: NoticeKind.Update);
        second.Withdraw(Samples.Approver("bo"), "Felaktigt larm.", Now + TimeSpan.FromHours(1));

        var ended = EndedIncident.Of([first, second, leftOver]);

        Assert.Equal((first.IncidentId, Now + TimeSpan.FromHours(1), 3), (ended!.IncidentId, ended.EndedAt, ended.Notices.Count));
        Assert.Empty(RetentionRules.Due([ended], TimeSpan.FromDays(1), Now + TimeSpan.FromHours(24)));
        Assert.Single(RetentionRules.Due([ended], TimeSpan.FromDays(1), Now + TimeSpan.FromHours(25)));
    }

    [Fact]
    public void AnUpdateWaitingForApprovalOrAPostStillToBeDeletedKeepsTheIncident()
    {
        var expired = Samples.Notice(draft: Samples.Draft(expiresAt: Now + TimeSpan.FromMinutes(1)));
        expired.Submit(Samples.Author("anna"), Now);
        expired.Approve(Samples.Approver("bo"), false, null, Now, Timings, new HashSet<string>());
        expired.ExpireIfDue(Now + TimeSpan.FromMinutes(1));
        var waiting = Samples.Notice(incidentId: expired.IncidentId, version: 2, kind: NoticeKind.Update);
        waiting.Submit(Samples.Author("anna"), Now);
        Assert.Null(EndedIncident.Of([expired, waiting]));

        var posted = Live(channels: "x");
        posted.TryClaimSocialStage("social:x", Now, Lease);
        posted.RecordPosted("social:x", "post-x", Now);
        posted.Withdraw(Samples.Approver("bo"), "Fel.", Now);
        Assert.Null(EndedIncident.Of([posted]));
    }

    [Fact]
    public void RetentionKeepsTheAccountsNameAndRemovesWhatIdentifiesThePerson()
    {
        var account = new Account("erik", "Erik Ek", [Roles.Author], "hash", Now) { LastSignInAt = Now };
        var (disabled, _) = AccountRules.Disable(account, "Slutat", AccountCaller.Operator, Now);
        Assert.Equal(Now, AccountRules.Disable(disabled, "Igen", AccountCaller.Operator, Now + TimeSpan.FromDays(1)).Account.DisabledAt);
        Assert.False(RetentionRules.PersonalDataDue(disabled, TimeSpan.FromDays(30), Now + TimeSpan.FromDays(29)));
        Assert.True(RetentionRules.PersonalDataDue(disabled, TimeSpan.FromDays(30), Now + TimeSpan.FromDays(30)));

        var removed = RetentionRules.RemovePersonalData(disabled, Now + TimeSpan.FromDays(30));

        Assert.Equal(("erik", "erik", "", null, null, null), (removed.Name, removed.DisplayName, removed.PasswordHash,
            removed.SecondFactor, removed.LastSignInAt, removed.DisabledReason));
        Assert.False(RetentionRules.PersonalDataDue(removed, TimeSpan.FromDays(30), Now + TimeSpan.FromDays(90)));
        Assert.Null(AccountRules.Enable(disabled, null).Account.DisabledAt);
    }
}
