namespace Embassy.GitHubStandIn;

/// <summary>
/// A <see cref="TimeProvider"/> for tests (Microsoft.Extensions.TimeProvider.Testing does not restore here).
/// Time stands still until advanced. With <see cref="AutoAdvance"/> every timer (e.g. a retry back-off or a
/// rate-limit wait) moves the clock forward by its due time and fires at once, so waits cost no real time and
/// their total is visible in <see cref="Waited"/>.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = start;
    private TimeSpan _waited;

    public ManualClock()
        : this(new DateTimeOffset(2025, 1, 6, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public bool AutoAdvance { get; set; } = true;

    /// <summary>Sum of the due times of timers that fired through auto-advance.</summary>
    public TimeSpan Waited
    {
        get
        {
            lock (_gate)
            {
                return _waited;
            }
        }
    }

    /// <summary>Each wait, in order.</summary>
    public List<TimeSpan> Waits { get; } = [];

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Fire(ManualTimer timer, TimeSpan due)
    {
        if (!AutoAdvance)
        {
            return;
        }

        lock (_gate)
        {
            _now += due;
            _waited += due;
            Waits.Add(due);
        }

        ThreadPool.QueueUserWorkItem(_ => timer.Invoke());
    }

    private sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
    {
        private int _version;
        private bool _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (_disposed)
            {
                return false;
            }

            var version = Interlocked.Increment(ref _version);
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                _pending = version;
                clock.Fire(this, dueTime);
            }

            return true;
        }

        private int _pending;

        public void Invoke()
        {
            if (!_disposed && _pending == Volatile.Read(ref _version))
            {
                callback(state);
            }
        }

        public void Dispose() => _disposed = true;

        public ValueTask DisposeAsync()
        {
            _disposed = true;
            return default;
        }
    }
}
