using CrisisComms.Testing.Client;
using CrisisComms.Testing.Fakes;
using CrisisComms.Testing.Server;
using Microsoft.Playwright;

namespace CrisisComms.Browser.Tests;

/// <summary>
/// One real server (its own process, so it can be killed and started again on the same port and
/// data) and one Debian Chromium for the collection. Each test opens its own browser contexts, as
/// separate people on separate computers would.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Long enough to see the intranet strictly first, short enough for a quick test.</summary>
    public static readonly TimeSpan IntranetLead = TimeSpan.FromSeconds(3);
    public const string Password = "correct horse battery staple";

    private IPlaywright? _playwright;
    private readonly List<FakeSocialServer> _socialNetworks = [];

    public ServerProcess Server { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public Officer Author { get; private set; } = null!;
    public Officer Approver { get; private set; } = null!;

    public Uri Address => Server.BaseAddress;

    /// <summary>The fake Facebook Page API, to be told to fail.</summary>
    public FakeFacebook Facebook { get; private set; } = null!;

    /// <summary>The fake VMA API the server polls every second; it lists nothing until a test puts an alert up.</summary>
    public FakeVmaApi Vma { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var browser = StartBrowserAsync();
        var settings = new Dictionary<string, string?>
        {
            ["CrisisComms:Dispatch:IntranetLead"] = IntranetLead.ToString(),
        };
        // All three channels on (fake networks on loopback), so the console offers them as in production.
        FakeX x = await FakeX.StartAsync();
        FakeMastodon mastodon = await FakeMastodon.StartAsync();
        FakeFacebook facebook = await FakeFacebook.StartAsync();
        Facebook = facebook;
        _socialNetworks.AddRange([x, mastodon, facebook]);
        foreach (var (key, value) in x.Configuration().Concat(mastodon.Configuration()).Concat(facebook.Configuration())) settings[key] = value;
        Vma = await FakeVmaApi.StartAsync();
        foreach (var (key, value) in Vma.Configuration()) settings[key] = value;
        Server = await ServerProcess.StartAsync(settings);
        await Task.WhenAll(Accounts.All.Select(a => Server.AddAccountAsync(a.Name, Password, a.Role)));
        Author = await Officer.SignInAsync(Address, Accounts.Author, Password);
        Approver = await Officer.SignInAsync(Address, Accounts.Approver, Password);
        // As in production, the official accounts are posted to only once an admin approved them.
        await (await Officer.SignInAsync(Address, Accounts.Admin, Password)).ApproveAllChannelsAsync();
        Browser = await browser;
    }

    private async Task<IBrowser> StartBrowserAsync()
    {
        _playwright = await Playwright.CreateAsync();
        return await Chromium.LaunchAsync(_playwright);
    }

    /// <summary>A fresh browser profile: its own storage, so dismissals and sign-ins do not leak between tests.</summary>
    public Task<IPage> NewPageAsync(Device? device = null) => Chromium.NewPageAsync(Browser, Address, device);

    /// <summary>Composed by the author through the API, submitted and approved by the approver; returns the id.</summary>
    public async Task<string> PublishAsync(object notice, bool releasePublicNow = true)
    {
        var id = await Author.DraftAndSubmitAsync(notice);
        (await Approver.ApproveAsync(id)).ShouldBe(System.Net.HttpStatusCode.OK);
        if (releasePublicNow) (await Approver.ReleaseNextAsync(id)).ShouldBe(System.Net.HttpStatusCode.OK);
        return id;
    }

    /// <summary>Takes every live notice down, so a screenshot shows only the banner its test is about.</summary>
    public async Task WithdrawEverythingLiveAsync()
    {
        var live = (await Approver.SendAsync(HttpMethod.Get, "/api/v1/notices?state=live")).ShouldBe(System.Net.HttpStatusCode.OK);
        foreach (var notice in live.Json!.AsArray().Where(n => n!["source"]?.GetValue<string>() != "vma"))
            (await Approver.WithdrawAsync(notice!["id"]!.GetValue<string>(), "Test: a clean page for the screenshots"))
                .ShouldBe(System.Net.HttpStatusCode.OK);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        var log = Server?.Log;
        if (Server is not null) await Server.DisposeAsync();
        foreach (var network in _socialNetworks) await network.DisposeAsync();
        if (Vma is not null) await Vma.DisposeAsync();
        // Whatever the browsers did (hub connections carry the token in their query), no token or password was logged.
        if (log is not null) LogSecrets.AssertNone(log, [Password]);
    }
}

/// <summary>The accounts every browser test can sign in with, one per role.</summary>
public static class Accounts
{
    public const string Author = "anna";
    public const string Approver = "bosse";
    public const string Director = "dora";
    public const string Staff = "sven";
    public const string Admin = "ada";

    public static readonly (string Name, string Role)[] All =
        [(Author, "author"), (Approver, "approver"), (Director, "director"), (Staff, "staff"), (Admin, "admin")];
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
