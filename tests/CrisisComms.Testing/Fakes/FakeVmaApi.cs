using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrisisComms.Testing.Fakes;

/// <summary>
/// Sveriges Radio's VMA API v3 on loopback: <c>GET /api/v3/alerts?geocode=…</c> lists the alerts the
/// test put up (shaped like SR's answers: CAP 1.2 as JSON, no headline, info per language), or
/// answers 503 while it is down. Tests wait for polls to happen, never on the clock.
/// </summary>
public sealed class FakeVmaApi : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly List<JsonObject> alerts = [];
    private readonly List<(int Polls, TaskCompletionSource Signal)> waiters = [];
    private WebApplication app = null!;
    private int polls;
    private bool down;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Geocodes asked for, in order.</summary>
    public List<string> Geocodes { get; } = [];

    public static async Task<FakeVmaApi> StartAsync()
    {
        var fake = new FakeVmaApi();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = nameof(FakeVmaApi) });
        builder.Logging.ClearProviders();
        builder.Configuration.Sources.Clear();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        fake.app = builder.Build();
        fake.app.MapGet("/api/v3/alerts", fake.List);
        await fake.app.StartAsync();
        var address = fake.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address.TrimEnd('/'));
        return fake;
    }

    /// <summary>The settings that point the server at this fake, polling every second.</summary>
    public Dictionary<string, string?> Configuration(string geocodes = "0580") => new()
    {
        ["CrisisComms:Import:Vma:Geocodes"] = geocodes,
        ["CrisisComms:Import:Vma:BaseUrl"] = BaseUrl.ToString(),
        ["CrisisComms:Import:Vma:PollInterval"] = "00:00:01",
    };

    /// <summary>Lists an alert from now on (replacing one with the same identifier).</summary>
    public void Put(JsonObject alert)
    {
        lock (gate)
        {
            alerts.RemoveAll(a => a["identifier"]!.GetValue<string>() == alert["identifier"]!.GetValue<string>());
            alerts.Add(alert);
        }
    }

    public void Remove(string identifier)
    {
        lock (gate) alerts.RemoveAll(a => a["identifier"]!.GetValue<string>() == identifier);
    }

    /// <summary>While down every poll is answered 503.</summary>
    public bool Down
    {
        get { lock (gate) return down; }
        set { lock (gate) down = value; }
    }

    public int Polls { get { lock (gate) return polls; } }

    /// <summary>Waits until <paramref name="more"/> further polls have been answered.</summary>
    public Task WaitForPollsAsync(int more = 2, TimeSpan? timeout = null)
    {
        TaskCompletionSource signal = new(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate) waiters.Add((polls + more, signal));
        return signal.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    /// <summary>An alert as SR's v3 API gives it: Swedish and English info, the event as the title.</summary>
    public static JsonObject Alert(string identifier, string status = "Actual", string msgType = "Alert",
        string? references = null, string @event = "Viktigt meddelande till allmänheten (VMA) i Linköpings kommun",
        string senderName = "Länsstyrelsen Östergötland") => new()
    {
        ["identifier"] = identifier,
        ["sender"] = "https://vmaapi.sr.se",
        ["status"] = status,
        ["msgType"] = msgType,
        ["scope"] = "Public",
        ["references"] = references,
        ["note"] = null,
        ["sent"] = "2026-12-03T10:00:00+01:00",
        ["info"] = new JsonArray(
            Info("sv-SE", @event, senderName, "Det brinner i en industrilokal. Gå inomhus, stäng dörrar, fönster och ventilation."),
            Info("en-US", "Important public announcement (VMA) in Linköping", senderName, "A fire in an industrial building. Go indoors.")),
    };

    private static JsonObject Info(string language, string @event, string senderName, string description) => new()
    {
        ["language"] = language,
        ["category"] = "Safety",
        ["event"] = @event,
        ["responseType"] = "Shelter",
        ["urgency"] = "Immediate",
        ["severity"] = "Severe",
        ["certainty"] = "Observed",
        ["effective"] = "2026-12-03T10:00:00+01:00",
        ["expires"] = "2026-12-03T18:00:00+01:00",
        ["senderName"] = senderName,
        ["description"] = description,
        ["instruction"] = "Gå inomhus och stäng dörrar, fönster och ventilation.",
        ["web"] = "https://www.krisinformation.se",
        ["area"] = new JsonArray(new JsonObject
        {
            ["areaDesc"] = "Linköpings kommun",
            ["geocode"] = new JsonArray(new JsonObject { ["valueName"] = "Municipality", ["value"] = "0580" }),
        }),
        ["resource"] = new JsonArray(),
    };

    private IResult List(HttpContext context)
    {
        lock (gate)
        {
            Geocodes.Add(context.Request.Query["geocode"].ToString());
            polls++;
            foreach (var waiter in waiters.Where(w => polls >= w.Polls).ToList())
            {
                waiters.Remove(waiter);
                waiter.Signal.TrySetResult();
            }
            if (down) return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            var list = new JsonArray([.. alerts.Select(a => a.DeepClone())]);
            return Results.Text(new JsonObject { ["alerts"] = list }.ToJsonString(), "application/json");
        }
    }
}
