using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CrisisComms.Testing.Client;
using CrisisComms.Testing.Fakes;
using CrisisComms.Testing.Server;

namespace CrisisComms.Server.Tests.Import;

/// <summary>The real server importing VMAs from a fake VMA API on loopback, polling every second.</summary>
public sealed class VmaServerFixture : IAsyncLifetime
{
    public FakeVmaApi Vma { get; private set; } = null!;
    public ServerProcess Server { get; private set; } = null!;
    public Officer Author { get; private set; } = null!;
    public Officer Approver { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Vma = await FakeVmaApi.StartAsync();
        var settings = Vma.Configuration("0580,05");
        settings["CrisisComms:Dispatch:IntranetLead"] = "00:00:01";
        Server = await ServerProcess.StartAsync(settings);
        await Server.AddAccountAsync("anna", CrisisServerFixture.Password, "author");
        await Server.AddAccountAsync("bosse", CrisisServerFixture.Password, "approver");
        Author = await Officer.SignInAsync(Server.BaseAddress, "anna", CrisisServerFixture.Password);
        Approver = await Officer.SignInAsync(Server.BaseAddress, "bosse", CrisisServerFixture.Password);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Vma.DisposeAsync();
    }

    /// <summary>The banners one audience sees now in one mode (intranet with an officer's token).</summary>
    public async Task<JsonArray> BannersAsync(string audience, string mode = "actual")
    {
        using var http = new HttpClient { BaseAddress = Server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/banners?audience={audience}&mode={mode}");
        if (audience == "intranet") request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Author.Token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["banners"]!.AsArray();
    }

    /// <summary>Waits until <paramref name="done"/> holds for the banners of that audience and mode.</summary>
    public async Task<JsonArray> WaitForBannersAsync(string audience, Func<JsonArray, bool> done, string mode = "actual", TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var banners = await BannersAsync(audience, mode);
            if (done(banners)) return banners;
            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException($"{audience}/{mode} banners: {banners.ToJsonString()}");
            await Task.Delay(100);
        }
    }

    public static JsonNode? VmaBanner(JsonArray banners, string headline) =>
        banners.FirstOrDefault(b => b!["source"]!.GetValue<string>() == "vma"
            && b["content"]!["sv"]!["headline"]!.GetValue<string>() == headline);
}
