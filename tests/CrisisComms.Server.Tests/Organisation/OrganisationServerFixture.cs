using CrisisComms.Testing.Client;
using CrisisComms.Testing.Server;

namespace CrisisComms.Server.Tests.Organisation;

/// <summary>
/// A server of its own, for an organisation named in the configuration only (no sender given), so
/// the seed can be seen to carry that name and admins' changes do not reach other tests' servers.
/// </summary>
public sealed class OrganisationServerFixture : IAsyncLifetime
{
    public const string Name = "Norrköpings kommun";
    public const string Password = "correct horse battery staple";

    public ServerProcess Server { get; private set; } = null!;
    public Officer Author { get; private set; } = null!;
    public Officer Approver { get; private set; } = null!;
    public Officer Director { get; private set; } = null!;
    public Officer Admin { get; private set; } = null!;
    public Officer Staff { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await ServerProcess.StartAsync(Settings(Name));
        (string Name, string Role)[] accounts = [("anna", "author"), ("bosse", "approver"), ("dora", "director"), ("adam", "admin"), ("sven", "staff")];
        await Task.WhenAll(accounts.Select(a => Server.AddAccountAsync(a.Name, Password, a.Role)));
        var officers = await Task.WhenAll(accounts.Select(a => Officer.SignInAsync(Server.BaseAddress, a.Name, Password)));
        (Author, Approver, Director, Admin, Staff) = (officers[0], officers[1], officers[2], officers[3], officers[4]);
    }

    /// <summary>The organisation's name for a first start; the site is norrkoping.se.</summary>
    public static Dictionary<string, string?> Settings(string name) => new()
    {
        ["CrisisComms:Organisation:Name"] = name,
        // appsettings.json names a sender; this one is left to be made from the name.
        ["CrisisComms:Organisation:DefaultSender"] = "",
        ["CrisisComms:Site:Domain"] = "norrkoping.se",
    };

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
