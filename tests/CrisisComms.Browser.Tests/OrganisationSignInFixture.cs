using CrisisComms.Testing.Fakes;
using CrisisComms.Testing.Server;
using Microsoft.Playwright;

namespace CrisisComms.Browser.Tests;

/// <summary>
/// A server that trusts a fake OpenID Connect authority and has the console registered there as a
/// public client, and a Chromium to sign in with. Apart from the shared browser fixture, whose
/// server has no authority (as most installations).
/// </summary>
public sealed class OrganisationSignInFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public FakeOidcAuthority Authority { get; private set; } = null!;
    public ServerProcess Server { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Authority = await FakeOidcAuthority.StartAsync();
        Server = await ServerProcess.StartAsync(new Dictionary<string, string?>
        {
            ["CrisisComms:Auth:Authority"] = Authority.Issuer,
            ["CrisisComms:Auth:Audience"] = Authority.Audience,
            ["CrisisComms:Auth:ConsoleClientId"] = Authority.ClientId,
        });
        Authority.PostLogoutRedirectUris.Add(new Uri(Server.BaseAddress, "/console/").AbsoluteUri);
        _playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(_playwright);
    }

    public Task<IPage> NewPageAsync() => Chromium.NewPageAsync(Browser, Server.BaseAddress);

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
        if (Authority is not null) await Authority.DisposeAsync();
    }
}
