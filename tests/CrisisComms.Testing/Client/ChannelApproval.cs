using System.Net;

namespace CrisisComms.Testing.Client;

/// <summary>
/// An official account is posted to only after an admin (the system owner's delegate) approves it,
/// through the API as in production: a server whose tests expect posts approves its channels right after it starts.
/// </summary>
public static class ChannelApproval
{
    public const string Reason = "Test: formally approved by the system owner's delegate";

    public static Task<ApiResponse> ApproveChannelAsync(this Officer admin, string channel, string? reason = Reason) =>
        admin.SendAsync(HttpMethod.Post, $"/api/v1/channels/{channel}/approve", new { reason });

    public static Task<ApiResponse> SuspendChannelAsync(this Officer admin, string channel, string? reason) =>
        admin.SendAsync(HttpMethod.Post, $"/api/v1/channels/{channel}/suspend", new { reason });

    /// <summary>Approves every configured channel; returns their names.</summary>
    public static async Task<IReadOnlyList<string>> ApproveAllChannelsAsync(this Officer admin)
    {
        var channels = (await admin.SendAsync(HttpMethod.Get, "/api/v1/channels")).ShouldBe(HttpStatusCode.OK);
        var names = channels.Json!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToList();
        foreach (var name in names) (await admin.ApproveChannelAsync(name)).ShouldBe(HttpStatusCode.OK);
        return names;
    }
}
