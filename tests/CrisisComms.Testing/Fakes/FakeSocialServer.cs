using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrisisComms.Testing.Fakes;

/// <summary>
/// A small real HTTP server on loopback standing in for a social network: it checks what it receives,
/// records posts and deletes, and fails on request. Tests wait on its events, never on the clock.
/// </summary>
public abstract class FakeSocialServer : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);

    private readonly Lock gate = new();
    private readonly List<FakePost> posts = [];
    private readonly List<string> deletes = [];
    private readonly Queue<FakeFault> faults = new();
    private readonly List<(Func<bool> Done, TaskCompletionSource Signal)> waiters = [];
    private WebApplication? app;
    private int requests;

    /// <summary>The base URL to configure the channel with.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every post accepted, deleted or not, in order.</summary>
    public IReadOnlyList<FakePost> Posts { get { lock (gate) return [.. posts]; } }

    /// <summary>The ids of the posts deleted, in order.</summary>
    public IReadOnlyList<string> Deletes { get { lock (gate) return [.. deletes]; } }

    /// <summary>Every request that reached the server, whatever it was and however it was answered.</summary>
    public int RequestCount => Volatile.Read(ref requests);

    /// <summary>The next <paramref name="times"/> posts or deletes meet <paramref name="fault"/> (int.MaxValue: until <see cref="Heal"/>).</summary>
    public void FailNext(FakeFault fault, int times = 1)
    {
        if (!Supports(fault)) throw new ArgumentException($"{GetType().Name} has no {fault.GetType().Name} fault.", nameof(fault));
        lock (gate)
        {
            for (var i = 0; i < Math.Min(times, 10_000); i++) faults.Enqueue(fault);
        }
    }

    public void Heal()
    {
        lock (gate) faults.Clear();
    }

    public Task WaitForPostsAsync(int count, TimeSpan? timeout = null) =>
        WaitAsync(() => posts.Count >= count, timeout, () => $"{count} posts; have {posts.Count}");

    public Task WaitForDeletesAsync(int count, TimeSpan? timeout = null) =>
        WaitAsync(() => deletes.Count >= count, timeout, () => $"{count} deletes; have {deletes.Count}");

    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected virtual bool Supports(FakeFault fault) => true;

    protected abstract void Map(WebApplication app);

    protected async Task ListenAsync(string basePath = "")
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = GetType().Name });
        builder.Logging.ClearProviders();
        // A fake listens where it is told, whatever appsettings or ASPNETCORE_* the test run carries.
        builder.Configuration.Sources.Clear();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        app = builder.Build();
        app.Use((context, next) =>
        {
            Interlocked.Increment(ref requests);
            return next(context);
        });
        Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address.TrimEnd('/') + basePath);
    }

    /// <summary>The fault for this post or delete, if one is queued.</summary>
    protected FakeFault? TakeFault()
    {
        lock (gate) return faults.TryDequeue(out var fault) ? fault : null;
    }

    protected FakePost Record(Func<int, FakePost> create)
    {
        lock (gate)
        {
            var post = create(posts.Count + 1) with { ReceivedAt = DateTimeOffset.UtcNow };
            posts.Add(post);
            Signal();
            return post;
        }
    }

    /// <summary>Deletes a live post; false when there is no such post or it is already deleted.</summary>
    protected bool RecordDelete(string id)
    {
        lock (gate)
        {
            if (!posts.Any(p => p.Id == id) || deletes.Contains(id)) return false;
            deletes.Add(id);
            Signal();
            return true;
        }
    }

    /// <summary>The posts not deleted, newest first.</summary>
    protected IReadOnlyList<FakePost> LivePosts()
    {
        lock (gate) return [.. posts.Where(p => !deletes.Contains(p.Id)).Reverse()];
    }

    /// <summary>Answers after <paramref name="delay"/>, or never if the client gives up or the server stops first.</summary>
    protected async Task DelayAsync(HttpContext context, TimeSpan delay)
    {
        var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            await Task.Delay(delay, either.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private Task WaitAsync(Func<bool> done, TimeSpan? timeout, Func<string> describe)
    {
        TaskCompletionSource signal;
        lock (gate)
        {
            if (done()) return Task.CompletedTask;
            signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((done, signal));
        }
        return WaitOrExplainAsync(signal.Task, timeout ?? DefaultWait, describe);
    }

    private async Task WaitOrExplainAsync(Task signal, TimeSpan timeout, Func<string> describe)
    {
        try
        {
            await signal.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            string state;
            lock (gate) state = describe();
            throw new TimeoutException($"{GetType().Name}: waited {timeout} for {state}.");
        }
    }

    private void Signal()
    {
        foreach (var waiter in waiters.Where(w => w.Done()).ToList())
        {
            waiters.Remove(waiter);
            waiter.Signal.TrySetResult();
        }
    }
}
