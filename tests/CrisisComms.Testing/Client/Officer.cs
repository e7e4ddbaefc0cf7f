using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CrisisComms.Testing.Client;

/// <summary>An officer signed in to the real API, speaking plain HTTP and JSON as any client would.</summary>
public sealed class Officer(HttpClient http, string name, string token)
{
    public string Name { get; } = name;
    public string Token { get; } = token;

    public static Task<Officer> SignInAsync(Uri server, string name, string password) => SignInAsync(server, name, password, code: null);

    /// <summary>With the code of the account's authenticator (see <see cref="Authenticator"/>) or a recovery code.</summary>
    public static async Task<Officer> SignInAsync(Uri server, string name, string password, string? code)
    {
        var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { username = name, password, code });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new Officer(http, name, token);
    }

    public HttpClient Http => http;

    public Task<ApiResponse> CreateAsync(object notice) => SendAsync(HttpMethod.Post, "/api/v1/notices", notice);
    public Task<ApiResponse> GetAsync(string id) => SendAsync(HttpMethod.Get, $"/api/v1/notices/{id}");
    public Task<ApiResponse> SubmitAsync(string id) => SendAsync(HttpMethod.Post, $"/api/v1/notices/{id}/submit");
    public Task<ApiResponse> ApproveAsync(string id, bool breakGlass = false, string? reason = null) =>
        SendAsync(HttpMethod.Post, $"/api/v1/notices/{id}/approve", new { breakGlass, reason });
    public Task<ApiResponse> RejectAsync(string id, string reason) => SendAsync(HttpMethod.Post, $"/api/v1/notices/{id}/reject", new { reason });
    public Task<ApiResponse> ReleaseNextAsync(string id) => SendAsync(HttpMethod.Post, $"/api/v1/notices/{id}/release-next");
    public Task<ApiResponse> WithdrawAsync(string id, string reason) => SendAsync(HttpMethod.Post, $"/api/v1/notices/{id}/withdraw", new { reason });
    public Task<ApiResponse> UpdateAsync(string id, object notice) => SendAsync(HttpMethod.Post, $"/api/v1/notices/{id}/updates", notice);
    public Task<ApiResponse> AllClearAsync(string id, object notice) => SendAsync(HttpMethod.Post, $"/api/v1/notices/{id}/all-clear", notice);
    public Task<ApiResponse> AuditAsync(string noticeId) => SendAsync(HttpMethod.Get, $"/api/v1/audit?noticeId={noticeId}");

    /// <summary>Creates, submits and returns the id; the caller approves with another officer.</summary>
    public async Task<string> DraftAndSubmitAsync(object notice)
    {
        var created = await CreateAsync(notice);
        created.ShouldBe(HttpStatusCode.Created);
        var id = created.Json!["id"]!.GetValue<string>();
        (await SubmitAsync(id)).ShouldBe(HttpStatusCode.OK);
        return id;
    }

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, object? body = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (body is string raw) request.Content = new StringContent(raw, System.Text.Encoding.UTF8, "application/json");
        else if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await http.SendAsync(request);
        return await ApiResponse.ReadAsync(response);
    }
}

/// <summary>A response read whole: status, headers, and the JSON body if any.</summary>
public sealed record ApiResponse(HttpStatusCode Status, string Body, string? ContentType, JsonNode? Json)
{
    public static async Task<ApiResponse> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        JsonNode? json = null;
        try { json = body.Length > 0 ? JsonNode.Parse(body) : null; } catch (JsonException) { }
        return new ApiResponse(response.StatusCode, body, response.Content.Headers.ContentType?.MediaType, json)
        {
            ETag = response.Headers.ETag?.ToString(),
            Link = response.Headers.TryGetValues("Link", out var link) ? string.Join(", ", link) : null,
        };
    }

    /// <summary>The entity tag the server answered with (a notice's <c>ETag</c>), or null.</summary>
    public string? ETag { get; init; }

    /// <summary>The <c>Link</c> header (a list's next page), or null.</summary>
    public string? Link { get; init; }

    public ApiResponse ShouldBe(HttpStatusCode expected)
    {
        if (Status != expected) throw new Xunit.Sdk.XunitException($"Expected {(int)expected} {expected} but got {(int)Status}: {Body}");
        return this;
    }

    public string Id => Json!["id"]!.GetValue<string>();
    public string State => Json!["state"]!.GetValue<string>();
    public JsonObject Stage(string name) => Json!["stages"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == name)!.AsObject();
}
