using System.Net;
using System.Net.Http.Json;

namespace CrisisComms.LoadGen.Server;

/// <summary>The server's /benchmarks endpoints (only there with CrisisComms:Benchmarks:Enabled=true).</summary>
internal sealed class BenchmarkApi(Uri server) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = server, Timeout = TimeSpan.FromMinutes(2) };

    public Uri Server => server;

    public async Task<bool> IsEnabledAsync(CancellationToken ct)
    {
        using var response = await _http.GetAsync("/benchmarks/memory?collect=false", ct);
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>Makes the bare hub send a snapshot-shaped message of <paramref name="bytes"/> to one audience's clients.</summary>
    public async Task BroadcastAsync(string hub, bool intranet, int bytes, IReadOnlyList<string> ids, CancellationToken ct)
    {
        using var response = await _http.PostAsJsonAsync("/benchmarks/broadcast",
            new { hub, audience = intranet ? "intranet" : "public", bytes, ids }, ct);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The process's figures, after a full compacting GC when <paramref name="collect"/>.</summary>
    public async Task<ProcessFigures> ReadAsync(bool collect, CancellationToken ct) =>
        (await _http.GetFromJsonAsync<ProcessFigures>($"/benchmarks/memory?collect={(collect ? "true" : "false")}", ct))!;

    public void Dispose() => _http.Dispose();
}

internal sealed record ProcessFigures(
    int ProcessId, long ManagedHeapBytes, long WorkingSetBytes, long GcCommittedBytes,
    double CpuSeconds, bool ServerGc, int ProcessorCount,
    int Gen0Collections, int Gen1Collections, int Gen2Collections, double GcPauseMs);
