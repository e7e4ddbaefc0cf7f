using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrisisComms.Testing.Fakes;

/// <summary>One request that reached a webhook, and how the receiver judged it.</summary>
public sealed record WebhookDelivery(string Hook, string IdempotencyKey, bool SignatureValid, JsonObject Body, int Answered)
{
    public string Event => Body["event"]?.GetValue<string>() ?? "";
}

/// <summary>
/// Webhook receivers on loopback, one path per webhook (<c>/hooks/{name}</c>), each checking the
/// <c>X-CrisisComms-Signature</c> over the raw body with its secret and the <c>Idempotency-Key</c>. Like a
/// careful real receiver it accepts a key once: a repeat of an accepted key is answered 200 and not counted.
/// It can answer with a status, or take the request and hold the answer (a node dying mid-delivery).
/// </summary>
public sealed class FakeWebhookReceiver : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly List<WebhookDelivery> deliveries = [];
    private readonly HashSet<string> accepted = [];
    private readonly List<(string Hook, string Marker, Queue<int> Statuses)> answers = []; // 0: hold the answer until disposed
    private readonly Dictionary<string, string> secrets = [];
    private readonly CancellationTokenSource stopping = new();
    private WebApplication? app;

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<WebhookDelivery> Deliveries { get { lock (gate) return [.. deliveries]; } }

    /// <summary>The deliveries a receiver acted on: answered 2xx, first time for their key.</summary>
    public IReadOnlyList<WebhookDelivery> Accepted(string marker) =>
        [.. Deliveries.Where(d => d.Answered is >= 200 and < 300 && d.Body.ToJsonString().Contains(marker) && d.SignatureValid)];

    public static async Task<FakeWebhookReceiver> StartAsync()
    {
        var fake = new FakeWebhookReceiver();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = nameof(FakeWebhookReceiver) });
        builder.Logging.ClearProviders();
        builder.Configuration.Sources.Clear();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        fake.app = builder.Build();
        fake.app.MapPost("/hooks/{name}", fake.ReceiveAsync);
        await fake.app.StartAsync();
        fake.BaseUrl = new Uri(fake.app.Urls.First().TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>The configuration of webhook <paramref name="name"/> pointing here.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Configuration(string name, string audience, string format = "json", string? mode = null)
    {
        var secret = $"whsec-{name}-0123456789abcdef";
        lock (gate) secrets[name] = secret;
        var prefix = $"CrisisComms:Webhooks:{name}";
        return
        [
            new($"{prefix}:Url", new Uri(BaseUrl, $"hooks/{name}").ToString()),
            new($"{prefix}:Secret", secret),
            new($"{prefix}:Audience", audience),
            new($"{prefix}:Format", format),
            .. mode is null ? Array.Empty<KeyValuePair<string, string?>>() : [new($"{prefix}:Mode", mode)],
        ];
    }

    /// <summary>The next requests to <paramref name="hook"/> whose body has <paramref name="marker"/> are answered with these statuses, in order (0 holds the answer); then 200.</summary>
    public void AnswerNext(string hook, string marker, params int[] statuses)
    {
        lock (gate) answers.Add((hook, marker, new Queue<int>(statuses)));
    }

    public async Task<WebhookDelivery> WaitForAsync(Func<WebhookDelivery, bool> match, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(40));
        while (true)
        {
            var seen = Deliveries.Where(match).ToList();
            if (seen.Count >= count) return seen[count - 1];
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"Not seen {count} matching deliveries; all: {string.Join("\n", Deliveries.Select(d => $"{d.Hook} {d.IdempotencyKey} {d.Answered}"))}");
            await Task.Delay(50);
        }
    }

    private async Task ReceiveAsync(HttpContext context, string name)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var raw = buffer.ToArray();
        string? secret;
        int answer;
        lock (gate)
        {
            secret = secrets.GetValueOrDefault(name);
            var text = Encoding.UTF8.GetString(raw);
            var planned = answers.FirstOrDefault(a => a.Hook == name && text.Contains(a.Marker) && a.Statuses.Count > 0);
            answer = planned.Statuses is { } queue ? queue.Dequeue() : 200;
        }
        var signature = context.Request.Headers["X-CrisisComms-Signature"].ToString();
        var expected = secret is null ? "" : "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), raw));
        var valid = secret is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signature), Encoding.ASCII.GetBytes(expected));
        var key = context.Request.Headers["Idempotency-Key"].ToString();
        var body = JsonNode.Parse(raw)!.AsObject();
        if (!valid || key.Length == 0) answer = 401;
        lock (gate)
        {
            var repeat = answer is >= 200 and < 300 && !accepted.Add($"{name}\n{key}");
            deliveries.Add(new WebhookDelivery(name, key, valid, body, repeat ? -200 : answer));
        }
        if (answer == 0)
        {
            try { await Task.Delay(Timeout.Infinite, stopping.Token); } catch (OperationCanceledException) { }
            return;
        }
        context.Response.StatusCode = answer;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        if (app is not null) await app.DisposeAsync();
        stopping.Dispose();
    }
}
