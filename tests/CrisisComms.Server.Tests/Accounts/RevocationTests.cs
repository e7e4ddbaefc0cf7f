using System.Net;
using CrisisComms.Testing.Client;

namespace CrisisComms.Server.Tests.Accounts;

/// <summary>
/// Disable, sign-out, a password reset and a change of roles end every session the account had:
/// its token is refused and its open hub connections close within 5 seconds. A token of no local
/// account is not touched.
/// </summary>
[Collection(AccountServerCollection.Name)]
public sealed class RevocationTests(AccountServerFixture f)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task ADisabledAccountsTokenIsRefusedAndItsHubConnectionsCloseWithinFiveSeconds()
    {
        var pia = await f.AddOfficerAsync("pia", "author");
        var intranet = f.TokenOfNoLocalAccount("intranet-portal-user-17");
        await using var banners = await OpenHub.ConnectAsync(f.Address, "/hubs/banners?audience=intranet", pia.Token);
        await using var notices = await OpenHub.ConnectAsync(f.Address, "/hubs/notices?queue=approval", pia.Token);
        await using var portal = await OpenHub.ConnectAsync(f.Address, "/hubs/banners?audience=intranet", intranet);
        Assert.Equal(HttpStatusCode.OK, await f.IntranetBannersAsync(pia.Token));

        var disabledAt = DateTimeOffset.UtcNow;
        (await f.Admin.SendAsync(HttpMethod.Post, "/api/v1/accounts/pia/disable", new { reason = "Misstänkt intrång" })).ShouldBe(HttpStatusCode.OK);

        await f.WaitUntilRefusedAsync(pia.Token, disabledAt, Bound);
        Assert.True(await banners.ClosedAsync(Bound + Bound) - disabledAt < Bound, "the banner hub connection stayed open");
        Assert.True(await notices.ClosedAsync(Bound + Bound) - disabledAt < Bound, "the notices hub connection stayed open");
        using var http = f.Server.CreateClient();
        var signIn = await AccountServerFixture.SignInAsync(http, "pia", AccountServerFixture.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);

        // Enabled again, she signs in anew; the token from before stays refused.
        (await f.Admin.SendAsync(HttpMethod.Post, "/api/v1/accounts/pia/enable", new { })).ShouldBe(HttpStatusCode.OK);
        var again = await Officer.SignInAsync(f.Address, "pia", AccountServerFixture.Password);
        Assert.Equal(HttpStatusCode.OK, await f.IntranetBannersAsync(again.Token));
        Assert.Equal(HttpStatusCode.Unauthorized, await f.IntranetBannersAsync(pia.Token));

        // The intranet's own token, whose subject is no local account, is not the account rules' business.
        Assert.Equal(HttpStatusCode.OK, await f.IntranetBannersAsync(intranet));
        Assert.Equal(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected, portal.State);
    }

    [Fact]
    public async Task SigningOutEverywhereEndsEverySessionButNotTheNextSignIn()
    {
        var rut = await f.AddOfficerAsync("rut", "author");
        var second = await Officer.SignInAsync(f.Address, "rut", AccountServerFixture.Password);
        await using var hub = await OpenHub.ConnectAsync(f.Address, "/hubs/notices?queue=approval", second.Token);

        var at = DateTimeOffset.UtcNow;
        (await f.Admin.SendAsync(HttpMethod.Post, "/api/v1/accounts/rut/sign-out")).ShouldBe(HttpStatusCode.OK);

        await f.WaitUntilRefusedAsync(rut.Token, at, Bound);
        await f.WaitUntilRefusedAsync(second.Token, at, Bound);
        Assert.True(await hub.ClosedAsync(Bound + Bound) - at < Bound, "the hub connection stayed open");
        var after = await Officer.SignInAsync(f.Address, "rut", AccountServerFixture.Password);
        Assert.Equal(HttpStatusCode.OK, await f.IntranetBannersAsync(after.Token));
    }

    [Fact]
    public async Task APasswordResetEndsEverySessionAndAnOfficerNeedsTheirCurrentPassword()
    {
        var siv = await f.AddOfficerAsync("siv", "author");
        var tor = await f.AddOfficerAsync("tor", "approver");
        (await tor.SendAsync(HttpMethod.Post, "/api/v1/accounts/siv/password", new { password = "tor decides for siv" })).ShouldBe(HttpStatusCode.Forbidden);
        var missing = (await siv.SendAsync(HttpMethod.Post, "/api/v1/accounts/siv/password", new { password = "a new password for siv" }))
            .ShouldBe(HttpStatusCode.BadRequest);
        Assert.NotNull(missing.Json!["errors"]!["currentPassword"]);
        (await siv.SendAsync(HttpMethod.Post, "/api/v1/accounts/siv/password", new { password = "a new password for siv", currentPassword = "not the current one" }))
            .ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, await f.IntranetBannersAsync(siv.Token));

        var at = DateTimeOffset.UtcNow;
        (await siv.SendAsync(HttpMethod.Post, "/api/v1/accounts/siv/password",
            new { password = "a new password for siv", currentPassword = AccountServerFixture.Password })).ShouldBe(HttpStatusCode.OK);
        await f.WaitUntilRefusedAsync(siv.Token, at, Bound);
        await Officer.SignInAsync(f.Address, "siv", "a new password for siv");

        // An admin's reset ends the sessions too.
        var fresh = await Officer.SignInAsync(f.Address, "siv", "a new password for siv");
        at = DateTimeOffset.UtcNow;
        (await f.Admin.SendAsync(HttpMethod.Post, "/api/v1/accounts/siv/password", new { password = "the admin's password for siv" })).ShouldBe(HttpStatusCode.OK);
        await f.WaitUntilRefusedAsync(fresh.Token, at, Bound);
    }

    [Fact]
    public async Task AChangeOfRolesEndsTheSessionsThatCarryTheOldRoles()
    {
        var ulf = await f.AddOfficerAsync("ulf", "approver");
        var at = DateTimeOffset.UtcNow;
        (await f.Admin.SendAsync(HttpMethod.Put, "/api/v1/accounts/ulf", new { roles = new[] { "staff" } })).ShouldBe(HttpStatusCode.OK);
        await f.WaitUntilRefusedAsync(ulf.Token, at, Bound);
        var staff = await Officer.SignInAsync(f.Address, "ulf", AccountServerFixture.Password);
        Assert.Equal(HttpStatusCode.OK, await f.IntranetBannersAsync(staff.Token));
    }

    [Fact]
    public async Task AHubConnectionClosesWhenItsTokenExpires()
    {
        var expires = DateTimeOffset.UtcNow.AddSeconds(3);
        var shortLived = f.TokenOfNoLocalAccount("intranet-portal-user-18", expires - DateTimeOffset.UtcNow);
        await using var hub = await OpenHub.ConnectAsync(f.Address, "/hubs/banners?audience=intranet", shortLived);
        var closedAt = await hub.ClosedAsync(TimeSpan.FromSeconds(30));
        // The token's exp is in whole seconds, so it may end up to a second early.
        Assert.InRange(closedAt - expires, TimeSpan.FromSeconds(-1.5), Bound);
    }
}
