namespace GitOps.Targets.GitLabCi;

/// <summary>The outcome of comparing a committed generated file with what would be generated now.</summary>
public sealed record GeneratedFileComparison(string Path, bool IsCurrent, string Diff)
{
    /// <summary>The failure text for a stale file: what is wrong, the command that fixes it, then the diff.</summary>
    public string Describe(string regenerateCommand) => IsCurrent
        ? $"{Path} is up to date"
        : $"{Path} is stale: it differs from what `{regenerateCommand}` generates. "
            + $"Run `{regenerateCommand}` and commit the result.\n{Diff}";
}
