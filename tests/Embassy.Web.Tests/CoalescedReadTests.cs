namespace Embassy.Web.Tests;

/// <summary>
/// <see cref="CoalescedRead{T}"/>: callers share reads, and none is answered by a read that began before it asked (the
/// public cache generation must never look older than a change committed before the request).
/// </summary>
public sealed class CoalescedReadTests
{
    /// <summary>Reads that finish when the test says, numbered in the order they start.</summary>
    private sealed class ControlledReads
    {
        private readonly List<TaskCompletionSource<int>> _started = [];

        public int Count { get { lock (_started) { return _started.Count; } } }

        public Task<int> ReadAsync(CancellationToken cancellationToken)
        {
            Assert.False(cancellationToken.CanBeCanceled); // the shared read is nobody's to cancel
            var read = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_started)
            {
                _started.Add(read);
            }

            return read.Task;
        }

        public void Finish(int index, int value)
        {
            lock (_started)
            {
                _started[index].SetResult(value);
            }
        }

        public void Fail(int index, Exception error)
        {
            lock (_started)
            {
                _started[index].SetException(error);
            }
        }
    }

    [Fact]
    public async Task CallersDuringARead_AreServedTogetherByTheNextRead_NotByTheOneAlreadyRunning()
    {
        var reads = new ControlledReads();
        var coalesced = new CoalescedRead<int>(reads.ReadAsync);

        var first = coalesced.ReadAsync();
        Assert.Equal(1, reads.Count);

        // Ten callers arrive while read 0 runs: it may predate them, so they wait and no read starts yet.
        var during = Enumerable.Range(0, 10).Select(_ => coalesced.ReadAsync()).ToArray();
        Assert.Equal(1, reads.Count);
        Assert.All(during, t => Assert.False(t.IsCompleted));

        reads.Finish(0, 100);
        Assert.Equal(100, await first);
        await WaitUntilAsync(() => reads.Count == 2); // one read for all ten, started after read 0 ended
        Assert.All(during, t => Assert.False(t.IsCompleted));

        // A caller arriving while read 1 runs is not answered by it either.
        var late = coalesced.ReadAsync();
        reads.Finish(1, 200);
        Assert.Equal(Enumerable.Repeat(200, 10), await Task.WhenAll(during));
        await WaitUntilAsync(() => reads.Count == 3);
        Assert.False(late.IsCompleted);
        reads.Finish(2, 300);
        Assert.Equal(300, await late);

        // With nobody waiting the reads stop, and the next caller starts a fresh one at once.
        var again = coalesced.ReadAsync();
        Assert.Equal(4, reads.Count);
        reads.Finish(3, 400);
        Assert.Equal(400, await again);
        Assert.Equal(4, reads.Count);
    }

    [Fact]
    public async Task AFailedRead_FailsItsCallersOnly_AndTheNextCallerReadsAgain()
    {
        var reads = new ControlledReads();
        var coalesced = new CoalescedRead<int>(reads.ReadAsync);
        var first = coalesced.ReadAsync();
        var waiting = coalesced.ReadAsync();

        reads.Fail(0, new InvalidOperationException("database is locked"));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => first);
        Assert.Equal("database is locked", error.Message);

        await WaitUntilAsync(() => reads.Count == 2);
        reads.Finish(1, 7);
        Assert.Equal(7, await waiting);
    }

    [Fact]
    public async Task ACallerWhoGivesUp_EndsOnlyTheirOwnWait()
    {
        var reads = new ControlledReads();
        var coalesced = new CoalescedRead<int>(reads.ReadAsync);
        var first = coalesced.ReadAsync();
        using var leaving = new CancellationTokenSource();
        var impatient = coalesced.ReadAsync(leaving.Token);
        var patient = coalesced.ReadAsync();

        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
        reads.Finish(0, 1);
        Assert.Equal(1, await first);
        await WaitUntilAsync(() => reads.Count == 2);
        reads.Finish(1, 2);
        Assert.Equal(2, await patient);
    }

    [Fact]
    public async Task ManyConcurrentCallers_ShareFewReads_AndEachSeesAValueWrittenBeforeItAsked()
    {
        var version = 0;
        var readCount = 0;
        var coalesced = new CoalescedRead<int>(async cancellationToken =>
        {
            Interlocked.Increment(ref readCount);
            var seen = Volatile.Read(ref version);
            await Task.Delay(2, cancellationToken);
            return seen;
        });

        var callers = Enumerable.Range(0, 400).Select(i => Task.Run(async () =>
        {
            if (i % 40 == 0)
            {
                Interlocked.Increment(ref version); // a change committed...
            }

            var before = Volatile.Read(ref version); // ...before this caller asks
            var seen = await coalesced.ReadAsync();
            return (before, seen);
        })).ToArray();
        var answers = await Task.WhenAll(callers);

        Assert.All(answers, a => Assert.True(a.seen >= a.before, $"saw {a.seen} after {a.before} was committed"));
        Assert.True(readCount < answers.Length, $"{readCount} reads for {answers.Length} callers");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "timed out waiting for the next read");
            await Task.Delay(1);
        }
    }
}
