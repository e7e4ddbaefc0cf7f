using System.Net;
using System.Text.Json.Nodes;

namespace CrisisComms.Server.Tests.Accounts;

/// <summary>
/// Five failed sign-ins within 15 minutes lock that account name from that client address, and
/// nothing else: the same name from another address and other names sign in as before. An
/// unknown name is treated the same, so the answers tell nothing of which names exist.
/// </summary>
[Collection(AccountServerCollection.Name)]
public sealed class SignInThrottleTests(AccountServerFixture f)
{
    [Fact]
    public async Task FiveFailuresLockThatNameFromThatAddressOnly()
    {
        await f.AddOfficerAsync("vera", "approver");
        await f.AddOfficerAsync("wilma", "author");
        using var here = f.ClientFrom("127.0.0.1");
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await AccountServerFixture.SignInAsync(here, "vera", "a guess at the password")).StatusCode);

        var locked = await AccountServerFixture.SignInAsync(here, "vera", AccountServerFixture.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        var wait = locked.Headers.RetryAfter?.Delta ?? throw new Xunit.Sdk.XunitException("429 without Retry-After");
        Assert.InRange(wait, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));

        using var elsewhere = f.ClientFrom("127.0.0.2");
        Assert.Equal(HttpStatusCode.OK, (await AccountServerFixture.SignInAsync(elsewhere, "vera", AccountServerFixture.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AccountServerFixture.SignInAsync(here, "wilma", AccountServerFixture.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await AccountServerFixture.SignInAsync(here, "vera", AccountServerFixture.Password)).StatusCode);
    }

    [Fact]
    public async Task AnUnknownNameIsLockedTheSameWaySoNoAnswerTellsWhichNamesExist()
    {
        await f.AddOfficerAsync("xena", "author");
        using var here = f.ClientFrom("127.0.0.1");
        var known = new List<HttpResponseMessage>();
        var unknown = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            known.Add(await AccountServerFixture.SignInAsync(here, "xena", "not her password"));
            unknown.Add(await AccountServerFixture.SignInAsync(here, "xerxes", "not his password"));
        }
        Assert.Equal(known.Select(r => r.StatusCode), unknown.Select(r => r.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, unknown[^1].StatusCode);
        Assert.Equal(await TitleAsync(known[0]), await TitleAsync(unknown[0]));
        Assert.Equal(await TitleAsync(known[^1]), await TitleAsync(unknown[^1]));

        var audit = (await f.Admin.SendAsync(HttpMethod.Get, "/api/v1/audit")).Json!.AsArray();
        Assert.Equal(5, audit.Count(e => e!["action"]!.GetValue<string>() == "auth.signInFailed" && e["actor"]!.GetValue<string>() == "xerxes"));
        Assert.DoesNotContain("not his password", audit.ToJsonString());
    }

    [Fact]
    public async Task AForwardedAddressFromAClientThatIsNoKnownProxyIsNotBelieved()
    {
        await f.AddOfficerAsync("ylva", "author");
        using var here = f.ClientFrom("127.0.0.1");
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized,
                (await AccountServerFixture.SignInAsync(here, "ylva", "a guess at the password", forwardedFor: $"203.0.113.{i + 1}")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests,
            (await AccountServerFixture.SignInAsync(here, "ylva", AccountServerFixture.Password, forwardedFor: "203.0.113.99")).StatusCode);
    }

    private static async Task<string> TitleAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["title"]!.GetValue<string>();
}
