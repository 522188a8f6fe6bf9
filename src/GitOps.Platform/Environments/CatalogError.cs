namespace GitOps.Platform.Environments;

/// <summary>One mistake in the stage catalog, where it is and what is wrong.</summary>
public sealed record CatalogError(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
