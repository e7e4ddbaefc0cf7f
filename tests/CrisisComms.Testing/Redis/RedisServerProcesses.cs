using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;

namespace CrisisComms.Testing.Redis;

/// <summary>
/// Starts and kills redis-server processes, and kills any still running when the test process
/// ends, so that an aborted test run leaves no server behind on the machine.
/// </summary>
internal static class RedisServerProcesses
{
    private static readonly ConcurrentDictionary<int, Process> Running = new();

    static RedisServerProcesses()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var process in Running.Values) TryKill(process);
        };
    }

    public static Process Start(string executable, IEnumerable<string> arguments, RedisServerLog log)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => log.Add(e.Data);
        process.ErrorDataReceived += (_, e) => log.Add(e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new InvalidOperationException(
                $"Cannot start '{executable}' ({e.Message}). Install it with: apt-get install -y redis-server", e);
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Running[process.Id] = process;
        return process;
    }

    public static async Task KillAsync(Process process)
    {
        var id = process.Id;
        TryKill(process);
        await process.WaitForExitAsync();
        Running.TryRemove(id, out _);
        process.Dispose();
    }

    private static void TryKill(Process process)
    {
        try
        {
            // Process.Kill is SIGKILL on Linux: no shutdown, no final AOF rewrite, like a crash.
            if (!process.HasExited) process.Kill();
        }
        catch (InvalidOperationException)
        {
            // It exited in between.
        }
    }
}
