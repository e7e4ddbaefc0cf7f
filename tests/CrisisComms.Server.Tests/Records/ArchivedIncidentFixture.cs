using System.Net;
using System.Text.Json.Nodes;
using CrisisComms.Testing.Client;

namespace CrisisComms.Server.Tests.Records;

/// <summary>
/// The standard social servers and, built once, one whole incident: an alert, two updates (each in
/// three languages, one headline with markup in it) posted on X, Mastodon and Facebook, and a
/// withdrawal that took every post down again.
/// </summary>
public sealed class ArchivedIncidentFixture : IAsyncLifetime
{
    public SocialServersFixture Social { get; } = new();
    public string Marker { get; } = Guid.NewGuid().ToString("N")[..8];
    public string IncidentId { get; private set; } = "";
    public IReadOnlyList<string> NoticeIds { get; private set; } = [];
    public IReadOnlyList<string> Headlines => [.. Versions.SelectMany(v => v.Values)];

    /// <summary>Each version's headline per language.</summary>
    public IReadOnlyList<Dictionary<string, string>> Versions { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await Social.InitializeAsync();
        Versions =
        [
            new() { ["sv"] = $"Koka vattnet i Ryd {Marker}", ["sv-x-easy"] = "Koka vattnet", ["en"] = "Boil your tap water" },
            new() { ["sv"] = $"Kokningsrådet gäller även <b>markup</b> i Ryd {Marker}", ["sv-x-easy"] = "Koka vattnet fortfarande", ["en"] = "Still boil your <i>tap</i> water" },
            new() { ["sv"] = $"Ryd och Lambohov ska koka vattnet {Marker}", ["sv-x-easy"] = "Koka vattnet i Lambohov", ["en"] = "Boil water in Ryd & Lambohov" },
        ];
        var ids = new List<string> { await Social.PublishAsync(Notice(Versions[0])) };
        await Social.WaitForSocialStagesAsync(ids[0]);
        foreach (var version in Versions.Skip(1))
        {
            var created = (await Social.Author.UpdateAsync(ids[^1], Notice(version))).ShouldBe(HttpStatusCode.Created);
            (await Social.Author.SubmitAsync(created.Id)).ShouldBe(HttpStatusCode.OK);
            (await Social.Approver.ApproveAsync(created.Id)).ShouldBe(HttpStatusCode.OK);
            await Social.WaitForSocialStagesAsync(created.Id);
            ids.Add(created.Id);
        }
        (await Social.Approver.WithdrawAsync(ids[^1], "Fel uppgifter om vattnet")).ShouldBe(HttpStatusCode.OK);
        NoticeIds = ids;
        IncidentId = (await Social.Author.GetAsync(ids[0])).Json!["incidentId"]!.GetValue<string>();
        await WaitUntilEveryPostIsDeletedAsync();
    }

    public Task DisposeAsync() => Social.DisposeAsync();

    private static Dictionary<string, object?> Notice(Dictionary<string, string> headlines)
    {
        var notice = SocialServersFixture.Notice("", headlines["sv"]);
        notice["content"] = new Dictionary<string, object>
        {
            ["sv"] = new { headline = headlines["sv"], lead = "Koka vattnet innan du dricker det.", body = "Gäller tills vidare.", instruction = "Koka i minst tre minuter." },
            ["sv-x-easy"] = new { headline = headlines["sv-x-easy"], lead = "Vattnet kan göra dig sjuk. Koka det först." },
            ["en"] = new { headline = headlines["en"], lead = "Boil water before drinking it." },
        };
        return notice;
    }

    /// <summary>The withdrawal deletes the thread after the fact; the incident's record is final once each deletion is saved.</summary>
    private async Task WaitUntilEveryPostIsDeletedAsync()
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var stages = new List<JsonNode>();
            foreach (var id in NoticeIds)
                stages.AddRange((await Social.Author.GetAsync(id)).Json!["stages"]!.AsArray()
                    .Where(s => s!["name"]!.GetValue<string>().StartsWith("social:") && s["externalId"] is not null)!);
            if (stages.Count == 3 * NoticeIds.Count && stages.All(s => s["retractedAt"] is not null)) return;
            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException($"Posts not all deleted: {string.Join(", ", stages.Select(s => s.ToJsonString()))}");
            await Task.Delay(200);
        }
    }
}
