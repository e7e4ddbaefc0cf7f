using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CrisisComms.LoadGen.Server;

/// <summary>One officer signed in to the real API, publishing as an officer would.</summary>
internal sealed class OfficerApi(HttpClient http, string token) : IDisposable
{
    public string Token { get; } = token;

    public static async Task<OfficerApi> SignInAsync(Uri server, string name, string password, CancellationToken ct)
    {
        var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromMinutes(2) };
        using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { username = name, password }, ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Sign-in of {name} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>(ct))!["accessToken"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new OfficerApi(http, token);
    }

    /// <summary>Creates and submits a notice for everyone; returns its id.</summary>
    public async Task<string> DraftAndSubmitAsync(string headline, CancellationToken ct)
    {
        var created = await SendAsync(HttpMethod.Post, "/api/v1/notices", Notice(headline), HttpStatusCode.Created, ct);
        var id = created!["id"]!.GetValue<string>();
        await SendAsync(HttpMethod.Post, $"/api/v1/notices/{id}/submit", null, HttpStatusCode.OK, ct);
        return id;
    }

    public Task ApproveAsync(string id, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"/api/v1/notices/{id}/approve", new { breakGlass = false }, HttpStatusCode.OK, ct);

    public Task ReleaseNextAsync(string id, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"/api/v1/notices/{id}/release-next", null, HttpStatusCode.OK, ct);

    public Task WithdrawAsync(string id, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"/api/v1/notices/{id}/withdraw", new { reason = "Load test finished." }, HttpStatusCode.OK, ct);

    /// <summary>One page of the notice list, as the console loads it; false for any answer but 200 or no answer.</summary>
    public async Task<bool> ListNoticesAsync(CancellationToken ct)
    {
        try
        {
            using var response = await http.GetAsync("/api/v1/notices?limit=50", ct);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>The size of the audience's snapshot now, so the baseline can send as many bytes.</summary>
    public async Task<int> SnapshotBytesAsync(bool intranet, CancellationToken ct)
    {
        var bytes = await http.GetByteArrayAsync($"/api/v1/banners?audience={(intranet ? "intranet" : "public")}", ct);
        return bytes.Length;
    }

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, object? body, HttpStatusCode expected, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != expected)
            throw new InvalidOperationException($"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length > 0 ? JsonNode.Parse(text) : null;
    }

    // Like a real alert: three languages, a link, no social channels (posting is not what is measured).
    private static object Notice(string headline) => new
    {
        severity = "critical",
        audience = "everyone",
        mode = "actual",
        sender = "Linköpings kommun, krisledningen",
        link = "https://www.linkoping.se/kris/lasttest",
        expiresAt = DateTimeOffset.UtcNow.AddHours(2),
        channels = Array.Empty<string>(),
        content = new Dictionary<string, object>
        {
            ["sv"] = new
            {
                headline,
                lead = "Koka vattnet innan du dricker det. Gäller hela Linköping tills vidare.",
                body = "Provtagning visar bakterier i dricksvattnet. Koka vatten som ska drickas eller användas i matlagning.",
                instruction = "Koka i minst tre minuter.",
            },
            ["sv-x-easy"] = new { headline = "Koka vattnet", lead = "Vattnet kan göra dig sjuk. Koka det först." },
            ["en"] = new { headline = "Boil your tap water", lead = "Boil water before drinking it or cooking with it." },
        },
    };

    public void Dispose() => http.Dispose();
}
