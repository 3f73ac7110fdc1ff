using DecapSim.Experiments.Runs;

namespace DecapSim.Experiments.Tests.Runs;

public sealed class ReplicateSchedulerTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    public void Run_AnyThreadCount_SinkSeesIndexOrder(int threads)
    {
        var seen = new List<(int, int)>();
        // uneven work so later indices often finish first
        ReplicateScheduler.Run(25, threads, k => { Thread.SpinWait((25 - k) * 2000); return k * k; }, (k, v) => seen.Add((k, v)));
        Assert.Equal(Enumerable.Range(0, 25).Select(k => (k, k * k)), seen);
    }

    [Fact]
    public void Run_WorkFails_ThrowsWithTheCause()
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            ReplicateScheduler.Run(10, 2, k => k == 4 ? throw new ArgumentException("boom") : k, (_, _) => { }));
        Assert.IsType<ArgumentException>(ex.InnerException);
    }

    [Fact]
    public void Run_Cancelled_ThrowsOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            ReplicateScheduler.Run(50, 2, k => k, (k, _) => { if (k == 3) cts.Cancel(); }, cts.Token));
    }

    [Fact]
    public void Run_SinkFails_StopsAndRethrows()
    {
        int started = 0;
        Assert.Throws<IOException>(() => ReplicateScheduler.Run(1000, 2, k => { Interlocked.Increment(ref started); return k; },
            (k, _) => { if (k == 2) throw new IOException("disk full"); }));
        Assert.True(started < 1000, "workers stop after the sink failed");
    }
}
