namespace GitOps.TestDoubles.GitLab;

/// <summary>One armed fault: applies to the next <see cref="Remaining"/> requests that match.</summary>
internal sealed class FakeFault(FakeFaultKind kind, int count, string? method, string? pathContains)
{
    public FakeFaultKind Kind { get; } = kind;

    public int Remaining { get; set; } = count;

    public int Status { get; init; }

    public string? RetryAfter { get; init; }

    public TimeSpan Delay { get; init; }

    public bool Matches(string requestMethod, string path) =>
        Remaining > 0
        && (method is null || string.Equals(method, requestMethod, StringComparison.OrdinalIgnoreCase))
        && (pathContains is null || path.Contains(pathContains, StringComparison.Ordinal));
}
