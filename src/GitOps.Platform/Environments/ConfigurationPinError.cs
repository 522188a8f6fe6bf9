namespace GitOps.Platform.Environments;

/// <summary>One reason a stage's pin cannot be read: where (line 0 when the whole file is meant) and what is wrong.</summary>
public sealed record ConfigurationPinError(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}
