using CrisisComms.Testing.Client;
using CrisisComms.Testing.Server;

namespace CrisisComms.Server.Tests;

/// <summary>
/// One real server for the collection, with a short intranet lead so the order can be watched,
/// and one officer of each role signed in through the real token endpoint.
/// </summary>
public sealed class CrisisServerFixture : IAsyncLifetime
{
    public static readonly TimeSpan IntranetLead = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan AllClearVisibleFor = TimeSpan.FromSeconds(3);
    public const string Password = "correct horse battery staple";

    public ServerProcess Server { get; private set; } = null!;
    public Officer Author { get; private set; } = null!;
    public Officer Approver { get; private set; } = null!;
    public Officer SecondApprover { get; private set; } = null!;
    public Officer Director { get; private set; } = null!;
    public Officer Admin { get; private set; } = null!;
    public Officer Staff { get; private set; } = null!;

    public Uri Address => Server.BaseAddress;

    public async Task InitializeAsync()
    {
        Server = await ServerProcess.StartAsync(new Dictionary<string, string?>
        {
            ["CrisisComms:Dispatch:IntranetLead"] = IntranetLead.ToString(),
            ["CrisisComms:Dispatch:AllClearVisibleFor"] = AllClearVisibleFor.ToString(),
        });
        (string Name, string Role)[] accounts =
            [("anna", "author"), ("bosse", "approver"), ("carin", "approver"), ("dora", "director"), ("adam", "admin"), ("sven", "staff")];
        foreach (var (name, role) in accounts) await Server.AddAccountAsync(name, Password, role);
        var officers = await Task.WhenAll(accounts.Select(a => Officer.SignInAsync(Address, a.Name, Password)));
        (Author, Approver, SecondApprover, Director, Admin, Staff) = (officers[0], officers[1], officers[2], officers[3], officers[4], officers[5]);
    }

    /// <summary>Suite-wide: whatever this collection's tests did, no password and no token reached the log.</summary>
    public async Task DisposeAsync()
    {
        var log = Server.Log;
        await Server.DisposeAsync();
        LogSecrets.AssertNone(log, [Password]);
    }

    /// <summary>Composed by the author, submitted, approved by another officer; returns the notice id.</summary>
    public async Task<string> PublishAsync(object notice)
    {
        var id = await Author.DraftAndSubmitAsync(notice);
        (await Approver.ApproveAsync(id)).ShouldBe(System.Net.HttpStatusCode.OK);
        return id;
    }
}

[CollectionDefinition(Name)]
public sealed class CrisisServerCollection : ICollectionFixture<CrisisServerFixture>
{
    public const string Name = "crisis server";
}
