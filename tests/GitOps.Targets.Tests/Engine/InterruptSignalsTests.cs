namespace GitOps.Targets.Tests.Engine;

/// <summary>
/// build.ps1 passes every signal on to the build, and a terminal's Ctrl-C also reaches the build itself: the build must
/// take the pair as one interrupt and stop gracefully, yet still end at once on a real second one.
/// </summary>
public sealed class InterruptSignalsTests
{
    [Fact]
    public void The_first_signal_cancels_and_the_same_signal_delivered_twice_within_a_second_is_still_handled()
    {
        using var interrupt = new CancellationTokenSource();
        var clock = new ManualClock();
        var signals = new InterruptSignals(interrupt, clock);

        signals.Handle().ShouldBeTrue();
        interrupt.IsCancellationRequested.ShouldBeTrue();
        clock.Advance(TimeSpan.FromMilliseconds(300));
        signals.Handle().ShouldBeTrue("the forwarded copy of the same Ctrl-C");
    }

    [Fact]
    public void A_second_signal_later_ends_the_process()
    {
        using var interrupt = new CancellationTokenSource();
        var clock = new ManualClock();
        var signals = new InterruptSignals(interrupt, clock);

        signals.Handle().ShouldBeTrue();
        clock.Advance(InterruptSignals.SameInterrupt);
        signals.Handle().ShouldBeFalse();
    }

    private sealed class ManualClock : TimeProvider
    {
        private long ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => ticks;

        public void Advance(TimeSpan by) => ticks += by.Ticks;
    }
}
