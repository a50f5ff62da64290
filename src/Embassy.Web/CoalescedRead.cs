namespace Embassy.Web;

/// <summary>
/// One read shared by the callers that wait for it, never older than their arrival. A caller who finds no read running
/// starts one; callers who arrive while a read runs are served together by the next read, which starts when the running
/// one ends. So every answer comes from a read that began after its caller asked — a change committed before the call is
/// always seen, as with a read per call — while at most two reads are ever outstanding however many callers there are.
/// </summary>
/// <remarks>
/// Issue #16: every public page served from the output cache first reads the database's cache generation
/// (<see cref="PublicCacheGeneration"/>), so that no instance answers with a copy older than the last change; at 64
/// concurrent requests those reads (a context, a pooled connection, a query each) were 42 % of the process's CPU.
/// The shared read runs without the callers' cancellation (one caller leaving must not fail the others); each caller's
/// own token ends only their wait.
/// </remarks>
public sealed class CoalescedRead<T>(Func<CancellationToken, Task<T>> read)
{
    private readonly Lock _gate = new();
    private bool _reading;
    private TaskCompletionSource<T>? _next;

    /// <summary>The value from a read that started after this call.</summary>
    public Task<T> ReadAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_reading)
            {
                // The running read may have begun before this call: wait for the next one.
                _next ??= new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
                return _next.Task.WaitAsync(cancellationToken);
            }

            _reading = true;
        }

        var batch = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = ServeAsync(batch);
        return batch.Task.WaitAsync(cancellationToken);
    }

    private async Task ServeAsync(TaskCompletionSource<T> batch)
    {
        while (true)
        {
            var value = default(T);
            Exception? error = null;
            try
            {
                value = await read(CancellationToken.None).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // the read's failure is every waiting caller's, handed to them as it is
            catch (Exception e)
#pragma warning restore CA1031
            {
                error = e;
            }

            TaskCompletionSource<T>? next;
            lock (_gate)
            {
                // Whoever arrived during that read is served by a read starting now; with no one waiting, the next caller
                // starts one. Decided before the answer is handed out, so a caller who has it and asks again starts afresh.
                next = _next;
                _next = null;
                _reading = next is not null;
            }

            if (error is null)
            {
                batch.SetResult(value!);
            }
            else
            {
                batch.SetException(error);
            }

            if (next is null)
            {
                return;
            }

            batch = next;
        }
    }
}
