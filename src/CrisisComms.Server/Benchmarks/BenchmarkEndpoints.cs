using System.Diagnostics;
using System.Runtime;
using Microsoft.AspNetCore.SignalR;

namespace CrisisComms.Server.Benchmarks;

/// <summary>
/// What the load generator (src/CrisisComms.LoadGen) measures CrisisComms against, in the same
/// process and build: a bare SignalR hub, a plaintext endpoint, and the process's memory and CPU.
/// Mapped only with CrisisComms:Benchmarks:Enabled=true; never turn it on in production, since
/// anyone who can reach the service could then broadcast to it and force full garbage collections.
/// </summary>
internal static class BenchmarkEndpoints
{
    public const string EnabledKey = "CrisisComms:Benchmarks:Enabled";
    public const string BareHubPath = "/benchmarks/hubs/baseline";
    public const string BackplaneHubPath = "/benchmarks/hubs/baseline-backplane";

    public static IServiceCollection AddCrisisBenchmarks(this IServiceCollection services, IConfiguration configuration)
    {
        if (!configuration.GetValue<bool>(EnabledKey)) return services;
        // A closed registration wins over the open generic one a backplane adds: the bare hub stays in memory.
        services.AddSingleton<HubLifetimeManager<BaselineHub>, DefaultHubLifetimeManager<BaselineHub>>();
        return services;
    }

    public static WebApplication MapCrisisBenchmarks(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>(EnabledKey)) return app;
        app.Logger.LogWarning("Benchmark endpoints are on ({Key}); never in production", EnabledKey);
        var group = app.MapGroup("/benchmarks").ExcludeFromDescription().AllowAnonymous();
        group.MapGet("/plaintext", () => "Hello, World!");
        group.MapPost("/broadcast", BroadcastAsync);
        group.MapGet("/memory", (bool? collect) => Results.Json(ProcessFigures.Read(collect ?? true)));
        app.MapHub<BaselineHub>(BareHubPath).AllowAnonymous();
        app.MapHub<BackplaneBaselineHub>(BackplaneHubPath).AllowAnonymous();
        return app;
    }

    private static long _revision;

    private static async Task<IResult> BroadcastAsync(
        BroadcastRequest request,
        IHubContext<BaselineHub> bare,
        IHubContext<BackplaneBaselineHub> backplane,
        CancellationToken ct)
    {
        var audience = request.Audience ?? "public";
        var payload = BaselineSnapshot.Create(audience, request.Ids ?? [], request.Bytes, Interlocked.Increment(ref _revision));
        var clients = request.Hub == "backplane" ? backplane.Clients : bare.Clients;
        await clients.Group(BaselineHub.Group(audience)).SendAsync("banners", payload, ct);
        return Results.Accepted();
    }
}

/// <summary>
/// The process as the load generator sees it: memory after an optional full GC, CPU used so far,
/// and the collections and GC pause time so far (to tell a slow fan-out from one that waited for the GC).
/// </summary>
internal sealed record ProcessFigures(
    int ProcessId, long ManagedHeapBytes, long WorkingSetBytes, long GcCommittedBytes,
    double CpuSeconds, bool ServerGc, int ProcessorCount,
    int Gen0Collections, int Gen1Collections, int Gen2Collections, double GcPauseMs)
{
    public static ProcessFigures Read(bool collect)
    {
        if (collect)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        using var process = Process.GetCurrentProcess();
        return new ProcessFigures(
            Environment.ProcessId,
            GC.GetTotalMemory(forceFullCollection: collect),
            process.WorkingSet64,
            GC.GetGCMemoryInfo().TotalCommittedBytes,
            process.TotalProcessorTime.TotalSeconds,
            GCSettings.IsServerGC,
            Environment.ProcessorCount,
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            GC.GetTotalPauseDuration().TotalMilliseconds);
    }
}
