using System.Text.Json;
using CrisisComms.Social.Text;

namespace CrisisComms.Social.X;

/// <summary>
/// Finds the post X called a duplicate among the account's latest posts, so that a withdrawal can delete it.
/// Reading the timeline needs an API tier with read access; without it the id stays unknown.
/// </summary>
internal sealed class XPostLookup(XChannel channel)
{
    private const int Latest = 20;

    public async Task<string?> FindAsync(string text, CancellationToken ct)
    {
        var me = await channel.SendAsync(channel.Signed(HttpMethod.Get, channel.Endpoint("2/users/me")), ct);
        if (!me.IsSuccess || me.Property("data", "id") is not { } userId) return Done(null);

        var url = channel.Endpoint($"2/users/{Uri.EscapeDataString(userId)}/tweets?max_results={Latest}");
        var timeline = await channel.SendAsync(channel.Signed(HttpMethod.Get, url), ct);
        if (!timeline.IsSuccess) return Done(null);

        using var json = JsonDocument.Parse(timeline.Body);
        if (!json.RootElement.TryGetProperty("data", out var posts) || posts.ValueKind != JsonValueKind.Array) return Done(null);
        foreach (var post in posts.EnumerateArray())
        {
            if (post.TryGetProperty("id", out var id) && post.TryGetProperty("text", out var posted)
                && SameText.Matches(text, posted.GetString()))
                return Done(id.GetString());
        }
        return Done(null);
    }

    private string? Done(string? id)
    {
        SocialLog.Duplicate(channel.Logger, channel.Name, id ?? "none");
        return id;
    }
}
