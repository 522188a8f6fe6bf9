namespace GitOps.Targets;

/// <summary>
/// What a Ctrl+C or SIGTERM does: the first cancels the build so running targets stop and it exits 130; a later one
/// ends the process at once, for a build stuck where it cannot see the cancellation. A second signal within
/// <see cref="SameInterrupt"/> of the first is the same interrupt delivered twice, not a second one: build.ps1 passes
/// on every signal it gets, and a terminal's Ctrl-C (or a SIGTERM to the process group, as timeout(1) and CI runners
/// send) reaches build.ps1 and the build alike.
/// </summary>
public sealed class InterruptSignals(CancellationTokenSource interrupt, TimeProvider clock)
{
    public static readonly TimeSpan SameInterrupt = TimeSpan.FromSeconds(1);

    private readonly Lock gate = new();
    private long? first;

    /// <summary>True when the signal is handled here (the build goes on stopping); false when the process should end now.</summary>
    public bool Handle()
    {
        lock (gate)
        {
            var now = clock.GetTimestamp();
            if (first is null)
            {
                first = now;
                interrupt.Cancel();
                return true;
            }

            return clock.GetElapsedTime(first.Value, now) < SameInterrupt;
        }
    }
}
