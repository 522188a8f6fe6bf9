using GitOps.Targets.Errors;

namespace GitOps.Platform.Pipelines;

/// <summary>
/// What the build process itself trusts for TLS in a pipeline. .NET on Linux and macOS reads OpenSSL's SSL_CERT_FILE
/// and SSL_CERT_DIR for every HttpClient of the process (the Google token exchange, GitLab's API, the Kubernetes
/// clients), and no HttpClient can be told to ignore them after start. Images set them to their own store (here
/// /etc/ssl/certs), which is fine; a file-type CI/CD or trigger variable is written by the runner into the builds
/// directory (<c>&lt;builds&gt;/&lt;project&gt;.tmp/&lt;NAME&gt;</c>) and would add an interceptor's CA. So in a pipeline a
/// trust store inside the builds directory (the checkout's parent) or the temporary directory, both writable by jobs,
/// stops the build at start, before any token is read or requested.
/// Proxies stay allowed: through HTTPS_PROXY/ALL_PROXY TLS is end to end (CONNECT) and checked against that store,
/// so without an added CA a proxy sees host names, never tokens, and runners behind a corporate proxy need them.
/// </summary>
public static class PipelineTrustStore
{
    public static IReadOnlyList<string> Variables { get; } = ["SSL_CERT_FILE", "SSL_CERT_DIR"];

    /// <param name="inPipeline">Pipeline mode; outside it any trust store is the user's own choice.</param>
    /// <param name="checkout">The repository root the job runs in (its parent holds the file-type variables).</param>
    /// <param name="variable">The build's environment.</param>
    /// <exception cref="UsageException">In a pipeline, one of <see cref="Variables"/> points where a job can write.</exception>
    public static void ThrowIfAltered(bool inPipeline, string checkout, Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        if (!inPipeline)
        {
            return;
        }

        string[] writable = [Path.GetDirectoryName(Path.GetFullPath(checkout).TrimEnd(Path.DirectorySeparatorChar))!, Path.GetTempPath()];
        var refused = Variables.Where(name => variable(name) is { Length: > 0 } value && writable.Any(directory => IsUnder(value, directory))).ToList();
        if (refused.Count > 0)
        {
            throw new UsageException(
                $"{string.Join(" and ", refused)} {(refused.Count == 1 ? "points" : "point")} into the builds or temporary directory, where a file-type pipeline variable is written: "
                + "in a pipeline the build trusts only the image's certificate store for its Google, GitLab and Kubernetes calls; unset it, and put a private CA into the runner image's store. Nothing was run.");
        }
    }

    private static bool IsUnder(string path, string directory)
    {
        string full, root;
        try
        {
            full = Path.GetFullPath(path);
            root = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        }
        catch (Exception error) when (error is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return true;
        }

        // Through symbolic links too: a link in /etc pointing into the builds directory is the same file.
        var resolved = File.Exists(full) || Directory.Exists(full) ? (new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full) : full;
        return new[] { full, resolved }.Any(candidate => (candidate + Path.DirectorySeparatorChar).StartsWith(root, StringComparison.Ordinal));
    }
}
