using GitOps.Platform.Clouds;
using GitOps.Targets.Output;

namespace GitOps.Platform.Kubeconfig;

/// <summary>
/// Kubeconfigs of provisioned clusters under <c>.nuke/temp/&lt;stage&gt;-&lt;cloud|mgmt&gt;/kubeconfig</c>. Files are
/// readable by the owner only and their content is registered as a secret before anything could print it.
/// </summary>
public sealed class KubeconfigStore(string tempDirectory, ISecretRegistry secrets)
{
    private const string FileName = "kubeconfig";
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = OwnerOnlyFile | UnixFileMode.UserExecute;

    public string PathFor(ClusterKey cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return Path.Combine(tempDirectory, cluster.ToString(), FileName);
    }

    /// <summary>True when something is at the path, a directory too: that is then reported, never silently replaced.</summary>
    public bool Exists(ClusterKey cluster) => File.Exists(PathFor(cluster)) || Directory.Exists(PathFor(cluster));

    /// <summary>Writes (or replaces) the kubeconfig and returns its path.</summary>
    public async Task<string> WriteAsync(ClusterKey cluster, string content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        secrets.Register(content);
        var path = PathFor(cluster);
        var directory = Path.GetDirectoryName(path)!;
        CreateDirectory(directory);

        // A fresh file created 0600 and renamed over the old one: the content is never in a file others can read,
        // even when an older kubeconfig was left with a wider mode.
        var staging = Path.Combine(directory, $".{FileName}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(staging, CreateOptions()))
            await using (var writer = new StreamWriter(stream))
            {
                await writer.WriteAsync(content.AsMemory(), cancellationToken);
            }

            File.Move(staging, path, overwrite: true);
        }
        finally
        {
            File.Delete(staging);
        }

        return path;
    }

    /// <summary>The kubeconfig's content (registered as a secret), or null when none was written.</summary>
    public async Task<string?> ReadAsync(ClusterKey cluster, CancellationToken cancellationToken)
    {
        var path = PathFor(cluster);
        if (!File.Exists(path))
        {
            return null;
        }

        var content = await File.ReadAllTextAsync(path, cancellationToken);
        secrets.Register(content);
        return content;
    }

    public void Delete(ClusterKey cluster)
    {
        if (File.Exists(PathFor(cluster)))
        {
            File.Delete(PathFor(cluster));
        }
    }

    private static FileStreamOptions CreateOptions()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        return options;
    }

    private static void CreateDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, OwnerOnlyDirectory);
        }
    }
}
