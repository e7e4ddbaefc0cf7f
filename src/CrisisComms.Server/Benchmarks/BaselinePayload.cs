using System.Text.Json;
using CrisisComms.Server.Http;

namespace CrisisComms.Server.Benchmarks;

/// <summary>What the load generator asks the bare hub to send: which clients, which ids, how many bytes.</summary>
internal sealed record BroadcastRequest(string? Hub, string? Audience, int Bytes, string[]? Ids);

/// <summary>Shaped like a banner snapshot so clients parse it alike; padded to the size of the real one.</summary>
internal sealed record BaselineSnapshot(string Audience, string Mode, long Revision, BaselineBanner[] Banners)
{
    public static BaselineSnapshot Create(string audience, IReadOnlyList<string> ids, int bytes, long revision)
    {
        var empty = new BaselineSnapshot(audience, "actual", revision, [.. ids.Select(id => new BaselineBanner(id, ""))]);
        var missing = Math.Max(0, bytes - JsonSerializer.SerializeToUtf8Bytes(empty, ApiJson.Options).Length);
        if (ids.Count == 0 || missing == 0) return empty;
        var each = missing / ids.Count;
        return empty with
        {
            Banners = [.. ids.Select((id, i) => new BaselineBanner(id, new string('x', i == 0 ? each + missing % ids.Count : each)))],
        };
    }
}

internal sealed record BaselineBanner(string Id, string Text);
