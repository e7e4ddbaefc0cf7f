using System.Net.Http.Json;

namespace CrisisComms.Testing.Client;

/// <summary>A create or follow-up sent with an <c>Idempotency-Key</c>, as the console sends it.</summary>
public static class IdempotentSend
{
    /// <summary>The answer, its <c>Location</c>, and <c>Idempotent-Replayed</c> (null when absent).</summary>
    public sealed record Sent(ApiResponse Answer, string? Location, string? Replayed);

    public static async Task<Sent> SendWithKeyAsync(this Officer officer, HttpMethod method, string path, object body, string key, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        using var response = await officer.Http.SendAsync(request);
        var replayed = response.Headers.TryGetValues("Idempotent-Replayed", out var values) ? values.Single() : null;
        return new Sent(await ApiResponse.ReadAsync(response), response.Headers.Location?.ToString(), replayed);
    }
}
