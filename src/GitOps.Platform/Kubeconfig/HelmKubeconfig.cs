namespace GitOps.Platform.Kubeconfig;

/// <summary>
/// The kubeconfig helm is given: the cluster's own, or a short-lived copy holding an access token (0600, in a 0700
/// directory of the build's temp folder) that is deleted when this is disposed.
/// </summary>
public sealed class HelmKubeconfig : IAsyncDisposable
{
    private readonly string? temporaryDirectory;

    internal HelmKubeconfig(string path, string? temporaryDirectory)
    {
        Path = path;
        this.temporaryDirectory = temporaryDirectory;
    }

    public string Path { get; }

    /// <summary>True when <see cref="Path"/> is a short-lived copy with a token inside.</summary>
    public bool HoldsToken => temporaryDirectory is not null;

    public ValueTask DisposeAsync()
    {
        if (temporaryDirectory is not null && Directory.Exists(temporaryDirectory))
        {
            Directory.Delete(temporaryDirectory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
