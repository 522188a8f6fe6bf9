namespace GitOps.Platform.GitLab;

/// <summary>A release to create; <see cref="Ref"/> is needed only when the tag does not exist yet.</summary>
public sealed record ReleaseDraft(string TagName, string Name, string Description)
{
    public string? Ref { get; init; }
}
