namespace GitOps.Platform.Verification;

/// <summary>
/// One problem Verify found: the file (relative to the repository root, '/' separators) and line to fix, a stable rule
/// id from <see cref="RuleIds"/> and a one-line message.
/// </summary>
public sealed record Finding(string File, int Line, string RuleId, string Message)
{
    public override string ToString() => $"{File}:{Line}: {RuleId} {Message}";
}
