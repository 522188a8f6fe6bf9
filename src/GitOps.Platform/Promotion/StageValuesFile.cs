namespace GitOps.Platform.Promotion;

/// <summary>One <c>values-&lt;stage&gt;-&lt;cloud&gt;.yaml</c>: its cloud, its path relative to the repository root, its text.</summary>
public sealed record StageValuesFile(string Cloud, string Path, string Text)
{
    /// <summary>Reads the file without decoding away a BOM or line endings, so an edit can keep them.</summary>
    public static async Task<StageValuesFile> ReadAsync(string repositoryRoot, string cloud, string relativePath, CancellationToken cancellationToken) =>
        new(cloud, relativePath.Replace('\\', '/'), await ValuesFileText.ReadAsync(System.IO.Path.Combine(repositoryRoot, relativePath), cancellationToken));
}
