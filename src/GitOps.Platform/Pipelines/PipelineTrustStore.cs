using GitOps.Targets.Errors;

namespace GitOps.Platform.Pipelines;

/// <summary>
/// What the build process itself trusts for TLS in a pipeline: only the system's certificate store. .NET on Linux
/// and macOS reads OpenSSL's SSL_CERT_FILE and SSL_CERT_DIR for every HttpClient of the process (the Google token
/// exchange, GitLab's API, the Kubernetes clients), and a file-type CI/CD or trigger variable can supply a CA of its
/// own; no HttpClient can be told to ignore them after start. So the build refuses to start with them, before any
/// token is read or requested. A private CA belongs in the runner image's system store.
/// Proxies stay allowed: through HTTPS_PROXY/ALL_PROXY TLS is end to end (CONNECT) and checked against that store,
/// so without an added CA a proxy sees host names, never tokens, and runners behind a corporate proxy need them.
/// </summary>
public static class PipelineTrustStore
{
    public static IReadOnlyList<string> RefusedVariables { get; } = ["SSL_CERT_FILE", "SSL_CERT_DIR"];

    /// <exception cref="UsageException">In a pipeline, one of <see cref="RefusedVariables"/> is set (to anything).</exception>
    public static void ThrowIfAltered(bool inPipeline, Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        if (!inPipeline)
        {
            return;
        }

        var set = RefusedVariables.Where(name => variable(name) is not null).ToList();
        if (set.Count > 0)
        {
            throw new UsageException(
                $"{string.Join(" and ", set)} {(set.Count == 1 ? "is" : "are")} set: in a pipeline the build trusts only the system's certificate store for its Google, GitLab and Kubernetes calls "
                + "(a pipeline variable, such as a file-type one, could add an interceptor's CA); unset it, and put a private CA into the runner image's system store. Nothing was run.");
        }
    }
}
