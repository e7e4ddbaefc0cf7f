using CrisisComms.Server.Configuration;
using Microsoft.Extensions.Options;

namespace CrisisComms.Server.Backups;

/// <summary>
/// While the service runs on a SQLite store it holds an exclusive lock on a file beside it
/// (<c>crisiscomms.db.in-use</c>), so <c>restore</c> can tell a running service from a stopped one.
/// The operating system drops the lock with the process, however it ends. Commands such as
/// <c>users</c> and <c>backup</c> run beside the service and take no lock.
/// </summary>
internal sealed class StoreInUse(IOptions<StorageOptions> storage, ILogger<StoreInUse> logger) : IHostedService, IDisposable
{
    private FileStream? _lock;

    public static string LockFile(string store) => store + ".in-use";

    /// <summary>The lock, or null when another process holds it.</summary>
    public static FileStream? TryTake(string store)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(store)!);
            return new FileStream(LockFile(store), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _lock = TryTake(storage.Value.SqlitePath);
        if (_lock is null) logger.LogWarning("Another process is running on the store {Store}", storage.Value.SqlitePath);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }
}
