using CrisisComms.Server.Banners;

namespace CrisisComms.Server.Tests.Banners;

public class SingleFlightReadTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ClientsJoiningDuringAReadShareTheNextOneAndNeverGetTheEarlierOne()
    {
        var reads = new GatedReads();
        var shared = new SingleFlightRead<int>(reads.ReadAsync);
        var first = shared.ReadAsync();
        await reads.WaitForStartAsync(1);

        var joiners = new Task<int>[1_000];
        Parallel.For(0, joiners.Length, i => joiners[i] = shared.ReadAsync());
        Assert.Equal(1, reads.Started);

        reads.Finish(1);
        Assert.Equal(1, await first.WaitAsync(Generous));
        await reads.WaitForStartAsync(2);
        Assert.DoesNotContain(joiners, j => j.IsCompleted);

        reads.Finish(2);
        var got = await Task.WhenAll(joiners).WaitAsync(Generous);
        Assert.All(got, g => Assert.Equal(2, g));
        Assert.Equal(2, reads.Started);
    }

    [Fact]
    public async Task UnderConcurrentJoinsEveryResultComesFromAReadThatStartedAfterTheJoinAndOnlyOneRunsAtATime()
    {
        var started = 0;
        var running = 0;
        var overlapped = false;
        var shared = new SingleFlightRead<int>(async _ =>
        {
            var number = Interlocked.Increment(ref started);
            if (Interlocked.Increment(ref running) > 1) overlapped = true;
            await Task.Delay(1);
            Interlocked.Decrement(ref running);
            return number;
        });

        var joins = 0;
        await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                var startedBeforeJoining = Volatile.Read(ref started);
                var got = await shared.ReadAsync();
                Assert.True(got > startedBeforeJoining, $"got read {got}, which started before the join (after read {startedBeforeJoining})");
                Interlocked.Increment(ref joins);
            }
        }))).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(3_200, joins);
        Assert.False(overlapped, "two reads ran at once");
        Assert.True(started < joins, $"{started} reads for {joins} joins");
    }

    [Fact]
    public async Task AFailedReadReachesEveryoneWaitingForItAndTheNextCallReadsAgain()
    {
        var reads = new GatedReads();
        var shared = new SingleFlightRead<int>(reads.ReadAsync);
        var first = shared.ReadAsync();
        await reads.WaitForStartAsync(1);
        var second = shared.ReadAsync();
        var third = shared.ReadAsync();

        reads.Finish(1);
        await reads.WaitForStartAsync(2);
        reads.Fail(2, new TimeoutException("the store is away"));

        Assert.Equal(1, await first.WaitAsync(Generous));
        await Assert.ThrowsAsync<TimeoutException>(() => second.WaitAsync(Generous));
        await Assert.ThrowsAsync<TimeoutException>(() => third.WaitAsync(Generous));
        var after = shared.ReadAsync();
        await reads.WaitForStartAsync(3);
        reads.Finish(3);
        Assert.Equal(3, await after.WaitAsync(Generous));
    }

    [Fact]
    public async Task AClientThatLeavesStopsOnlyItsOwnWait()
    {
        var reads = new GatedReads();
        var shared = new SingleFlightRead<int>(reads.ReadAsync);
        using var leaving = new CancellationTokenSource();
        var left = shared.ReadAsync(leaving.Token);
        var staying = shared.ReadAsync();
        await reads.WaitForStartAsync(1);

        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => left);
        reads.Finish(1);
        await reads.WaitForStartAsync(2);
        reads.Finish(2);
        Assert.Equal(2, await staying.WaitAsync(Generous));
    }

    /// <summary>Store reads that the test ends one by one; each answers its number, counted from 1 as they start.</summary>
    private sealed class GatedReads
    {
        private readonly Lock _lock = new();
        private readonly List<TaskCompletionSource<int>> _reads = [];
        private readonly SemaphoreSlim _starts = new(0);

        public int Started
        {
            get { lock (_lock) return _reads.Count; }
        }

        public Task<int> ReadAsync(CancellationToken ct)
        {
            var read = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_lock) _reads.Add(read);
            _starts.Release();
            return read.Task;
        }

        public async Task WaitForStartAsync(int number)
        {
            while (Started < number) Assert.True(await _starts.WaitAsync(Generous), $"read {number} never started");
        }

        public void Finish(int number) => Read(number).SetResult(number);

        public void Fail(int number, Exception e) => Read(number).SetException(e);

        private TaskCompletionSource<int> Read(int number)
        {
            lock (_lock) return _reads[number - 1];
        }
    }
}
