using GitOps.Targets.Errors;

namespace GitOps.Platform.Pipelines;

/// <summary>
/// What the build process itself trusts for TLS in a pipeline. .NET on Linux and macOS reads OpenSSL's SSL_CERT_FILE
/// (one file) and SSL_CERT_DIR (a ':'-separated list of directories) for every HttpClient of the process (the Google
/// token exchange, GitLab's API, the Kubernetes clients), and no HttpClient can be told to ignore them after start.
/// A file-type CI/CD or trigger variable is written by the runner into the builds directory, and /proc/self/environ
/// or /proc/self/root reach any variable's value or any file; a list of places a job can write is never complete. So
/// in a pipeline each element must be unset or, with every link component resolved, lie in a system trust location
/// (as the images' own /etc/ssl/certs does); anything else stops the build at start, before any token is read or requested.
/// Proxies stay allowed: through HTTPS_PROXY/ALL_PROXY TLS is end to end (CONNECT) and checked against that store,
/// so without an added CA a proxy sees host names, never tokens, and runners behind a corporate proxy need them.
/// </summary>
public static class PipelineTrustStore
{
    public static IReadOnlyList<string> Variables { get; } = ["SSL_CERT_FILE", "SSL_CERT_DIR"];

    /// <summary>Where distributions keep their CA store: root-owned in every runner image.</summary>
    public static IReadOnlyList<string> SystemLocations { get; } =
        ["/etc/ssl", "/etc/pki", "/etc/ca-certificates", "/usr/share/ca-certificates", "/usr/local/share/ca-certificates", "/usr/lib/ssl"];

    // Linux's own limit on links followed while resolving one path.
    private const int MaxLinks = 40;

    /// <param name="inPipeline">Pipeline mode; outside it any trust store is the user's own choice.</param>
    /// <param name="variable">The build's environment.</param>
    /// <exception cref="UsageException">In a pipeline, one of <see cref="Variables"/> names anything outside <see cref="SystemLocations"/>.</exception>
    public static void ThrowIfAltered(bool inPipeline, Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        if (!inPipeline)
        {
            return;
        }

        foreach (var name in Variables)
        {
            if (variable(name) is not { Length: > 0 } value)
            {
                continue;
            }

            // OpenSSL splits SSL_CERT_DIR at ':' (and skips empty entries); SSL_CERT_FILE is one path.
            var elements = name == "SSL_CERT_DIR" ? value.Split(':', StringSplitOptions.RemoveEmptyEntries) : [value];
            if (elements.Any(element => !IsSystemLocation(element)))
            {
                throw new UsageException(
                    $"{name} names a certificate store outside the system trust locations ({string.Join(", ", SystemLocations)}), links resolved: "
                    + "in a pipeline the build trusts only the image's certificate store for its Google, GitLab and Kubernetes calls; unset it, and put a private CA into the runner image's store. Nothing was run.");
            }
        }
    }

    private static bool IsSystemLocation(string path)
    {
        var real = RealPath(path);
        // A location may itself be a link (macOS: /etc is /private/etc): compared as given and resolved.
        return real is not null && SystemLocations.Concat(SystemLocations.Select(RealPath).OfType<string>())
            .Any(location => real == location || real.StartsWith(location + "/", StringComparison.Ordinal));
    }

    /// <summary>
    /// The path with every link component resolved and '..' applied after resolution, as the kernel does; null when it
    /// passes through /proc, is not absolute after resolution, or has too many links.
    /// </summary>
    private static string? RealPath(string path)
    {
        string full;
        try
        {
            // Only to make it absolute: '..' must not be collapsed before the links in front of it are resolved.
            full = Path.IsPathRooted(path) ? path : Path.Join(Directory.GetCurrentDirectory(), path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var pending = new Stack<string>(full.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse());
        var current = new List<string>();
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (current.Count > 0)
                {
                    current.RemoveAt(current.Count - 1);
                }

                continue;
            }

            current.Add(part);
            if (current[0] == "proc")
            {
                return null;
            }

            string? target;
            try
            {
                target = new FileInfo("/" + string.Join('/', current)).LinkTarget;
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException)
            {
                return null;
            }

            if (target is null)
            {
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            current.RemoveAt(current.Count - 1);
            if (target.StartsWith('/'))
            {
                current.Clear();
            }

            foreach (var next in target.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse())
            {
                pending.Push(next);
            }
        }

        return "/" + string.Join('/', current);
    }
}
