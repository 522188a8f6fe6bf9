namespace GitOps.Targets.Tooling;

/// <summary>One run of an external tool (terraform, helm, kubectl, git, npm...).</summary>
public sealed record ToolInvocation(string Tool, IReadOnlyList<string> Arguments)
{
    public string? WorkingDirectory { get; init; }

    /// <summary>Variables added to (or, with a null value, removed from) the inherited environment.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    public TimeSpan? Timeout { get; init; }

    public string? StandardInput { get; init; }

    /// <summary>Whether each output line is streamed to the build log as it arrives (it is always captured).</summary>
    public bool StreamOutput { get; init; } = true;

    /// <summary>When false a non-zero exit code is returned in the result instead of thrown.</summary>
    public bool ThrowOnFailure { get; init; } = true;
}
