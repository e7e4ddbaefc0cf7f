using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;

namespace CrisisComms.Storage.Tests;

/// <summary>Keyset paging: newest first, a page at a time, never moved by notices created meanwhile.</summary>
public abstract partial class NoticeStoreContract
{
    private async Task<List<Notice>> CreatedOneAMinuteAsync(int count, DateTimeOffset from)
    {
        var notices = Enumerable.Range(0, count).Select(i => Samples.Draft(createdAt: from.AddMinutes(i))).ToList();
        await Store.SaveAsync(Samples.Insert([.. notices]));
        return notices;
    }

    [Fact]
    public async Task PagesFollowOneAnotherNewestFirst()
    {
        var notices = await CreatedOneAMinuteAsync(7, Samples.Now);
        var newestFirst = Enumerable.Reverse(notices).ToArray();

        var first = await Store.ListAsync(new NoticeQuery(Limit: 3));
        var second = await Store.ListAsync(new NoticeQuery(Limit: 3) { Before = first[^1].Id });
        var third = await Store.ListAsync(new NoticeQuery(Limit: 3) { Before = second[^1].Id });

        AssertIds(first, newestFirst[..3]);
        AssertIds(second, newestFirst[3..6]);
        AssertIds(third, newestFirst[6..]);
        Assert.Empty(await Store.ListAsync(new NoticeQuery(Limit: 3) { Before = third[^1].Id }));
    }

    [Fact]
    public async Task APageIsNotMovedByNoticesCreatedSinceTheOneBefore()
    {
        var notices = await CreatedOneAMinuteAsync(6, Samples.Now);
        var first = await Store.ListAsync(new NoticeQuery(Limit: 3));

        await CreatedOneAMinuteAsync(4, Samples.Now.AddHours(1));
        var second = await Store.ListAsync(new NoticeQuery(Limit: 3) { Before = first[^1].Id });

        AssertIds(second, notices[2], notices[1], notices[0]);
    }

    [Fact]
    public async Task NoticesCreatedAtTheSameMomentArePagedByIdDescending()
    {
        var a = Samples.Draft(id: "notice-a");
        var b = Samples.Draft(id: "notice-b");
        var c = Samples.Draft(id: "notice-c");
        var older = Samples.Draft(id: "notice-z", createdAt: Samples.Now.AddMinutes(-1));
        await Store.SaveAsync(Samples.Insert(a, older, c, b));

        AssertIds(await Store.ListAsync(new NoticeQuery(Limit: 2) { Before = c.Id }), b, a);
        AssertIds(await Store.ListAsync(new NoticeQuery(Limit: 2) { Before = a.Id }), older);
    }

    [Fact]
    public async Task PagesKeepTheirFilters()
    {
        var vatten = Enumerable.Range(0, 4).Select(i => Samples.Pending(incidentId: "vatten", createdAt: Samples.Now.AddMinutes(i).AddSeconds(30), version: i + 1)).ToList();
        var storm = Enumerable.Range(0, 4).Select(i => Samples.Draft(incidentId: "storm", version: i + 1, createdAt: Samples.Now.AddMinutes(i))).ToList();
        await Store.SaveAsync(Samples.Insert([.. vatten, .. storm]));

        AssertIds(await Store.ListAsync(new NoticeQuery(IncidentId: "vatten", Limit: 2) { Before = vatten[3].Id }), vatten[2], vatten[1]);
        AssertIds(await Store.ListAsync(new NoticeQuery(State: NoticeState.Draft, Limit: 10) { Before = storm[2].Id }), storm[1], storm[0]);
        // The notice paged from need not match the filter itself.
        AssertIds(await Store.ListAsync(new NoticeQuery(State: NoticeState.Draft, Limit: 10) { Before = vatten[1].Id }), storm[1], storm[0]);
    }

    [Fact]
    public async Task PagingFromANoticeThatDoesNotExistListsNothing()
    {
        await CreatedOneAMinuteAsync(2, Samples.Now);

        Assert.Empty(await Store.ListAsync(new NoticeQuery(Limit: 10) { Before = "no-such-notice" }));
    }

    [Fact]
    public async Task EndedNoticesAreListedByWhenTheyEnded()
    {
        var longAgo = Samples.Live(approvedAt: Samples.Now.AddDays(-3));
        longAgo.Withdraw(Samples.Approver("bo"), "Fel kommun.", Samples.Now.AddDays(-3));
        var lately = Samples.Live(approvedAt: Samples.Now.AddDays(-3).AddMinutes(1));
        lately.Withdraw(Samples.Approver("bo"), "Faran är över.", Samples.Now.AddHours(-1));
        var live = Samples.Live(approvedAt: Samples.Now.AddDays(-3).AddMinutes(2));
        await Store.SaveAsync(Samples.Insert(longAgo, lately, live));

        var since = Samples.Now.AddDays(-1);
        AssertIds(await Store.ListAsync(new NoticeQuery(NoticeState.Withdrawn) { EndedAfter = since }), lately);
        AssertIds(await Store.ListAsync(new NoticeQuery { EndedAfter = since }), lately);
        Assert.Empty(await Store.ListAsync(new NoticeQuery(NoticeState.Closed) { EndedAfter = since }));
        AssertIds(await Store.ListAsync(new NoticeQuery(NoticeState.Withdrawn)), lately, longAgo);
    }
}
