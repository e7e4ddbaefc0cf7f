using System.Collections.Concurrent;

namespace CrisisComms.Testing.Redis;

/// <summary>The last lines redis-server printed, to explain a server that would not start.</summary>
internal sealed class RedisServerLog
{
    private const int Kept = 200;
    private readonly ConcurrentQueue<string> _lines = new();

    public void Add(string? line)
    {
        if (line is null) return;
        _lines.Enqueue(line);
        while (_lines.Count > Kept) _lines.TryDequeue(out _);
    }

    public override string ToString() => string.Join('\n', _lines);
}
