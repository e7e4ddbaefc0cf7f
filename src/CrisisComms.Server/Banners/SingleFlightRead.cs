namespace CrisisComms.Server.Banners;

/// <summary>
/// One read shared by everyone who asks at about the same time, each getting a read that started
/// after it asked. A client joining the banner hub needs the store's revision as it is after the
/// join (see <see cref="BannerFeed.GetCurrentAsync"/>); when a restarted node takes thousands of
/// joins at once, one store read per join is a large part of what each join costs. So at most one
/// read runs: who asks while none runs starts one; who asks while one runs waits for the next,
/// which starts as that one ends and answers everyone who asked meanwhile. One read in flight and
/// one queued, whatever the number of callers.
/// </summary>
internal sealed class SingleFlightRead<T>(Func<CancellationToken, Task<T>> read)
{
    private readonly Lock _lock = new();
    private bool _reading;
    private TaskCompletionSource<T>? _next;

    /// <summary>
    /// The result of a read that started after this call. <paramref name="ct"/> ends this caller's
    /// wait only: the read goes on for the others.
    /// </summary>
    public Task<T> ReadAsync(CancellationToken ct = default)
    {
        TaskCompletionSource<T> mine;
        lock (_lock)
        {
            if (_reading) return (_next ??= NewRead()).Task.WaitAsync(ct);
            _reading = true;
            mine = NewRead();
        }
        // Never faults: every outcome goes to the callers' tasks, and it ends when no one is waiting.
        _ = ReadWhileAskedAsync(mine);
        return mine.Task.WaitAsync(ct);
    }

    private async Task ReadWhileAskedAsync(TaskCompletionSource<T> first)
    {
        for (var current = first; ;)
        {
            try
            {
                current.SetResult(await read(CancellationToken.None));
            }
            catch (Exception e)
            {
                current.SetException(e);
            }
            lock (_lock)
            {
                current = _next;
                _next = null;
                _reading = current is not null;
            }
            if (current is null) return;
            // The caller that started the first read gets on with its own work; the next read runs on the pool.
            await Task.Yield();
        }
    }

    private static TaskCompletionSource<T> NewRead() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
