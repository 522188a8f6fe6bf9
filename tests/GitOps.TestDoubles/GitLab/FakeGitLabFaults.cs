namespace GitOps.TestDoubles.GitLab;

/// <summary>
/// Misbehaviour to inject, each for the next N matching requests (optionally only a method and/or a path fragment).
/// Faults are consumed in the order they were armed; a request gets at most one.
/// </summary>
public sealed class FakeGitLabFaults
{
    private readonly Lock gate = new();
    private readonly List<FakeFault> armed = [];

    /// <summary>429 "Retry later" with <c>Retry-After: retryAfter</c> (seconds or an HTTP date); nothing is processed.</summary>
    public void Throttle(int count, string retryAfter = "0", string? method = null, string? pathContains = null) =>
        Arm(new FakeFault(FakeFaultKind.Throttle, count, method, pathContains) { RetryAfter = retryAfter });

    /// <summary>A 5xx answer before anything is processed (a load balancer with no healthy backend).</summary>
    public void Fail(int count, int status = 503, string? method = null, string? pathContains = null) =>
        Arm(new FakeFault(FakeFaultKind.Fail, count, method, pathContains) { Status = status });

    /// <summary>Waits before processing; a client that gives up first leaves nothing processed.</summary>
    public void Delay(int count, TimeSpan delay, string? method = null, string? pathContains = null) =>
        Arm(new FakeFault(FakeFaultKind.Delay, count, method, pathContains) { Delay = delay });

    /// <summary>The request takes effect, but the answer is replaced by a 5xx (a proxy timing out on the way back).</summary>
    public void FailAfterProcessing(int count, int status = 502, string? method = null, string? pathContains = null) =>
        Arm(new FakeFault(FakeFaultKind.FailAfterProcessing, count, method, pathContains) { Status = status });

    public void Clear()
    {
        lock (gate)
        {
            armed.Clear();
        }
    }

    internal FakeFault? Take(string method, string path)
    {
        lock (gate)
        {
            var fault = armed.FirstOrDefault(candidate => candidate.Matches(method, path));
            if (fault is not null)
            {
                fault.Remaining--;
            }

            return fault;
        }
    }

    private void Arm(FakeFault fault)
    {
        lock (gate)
        {
            armed.Add(fault);
        }
    }
}
