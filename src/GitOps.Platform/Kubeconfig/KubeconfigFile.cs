using GitOps.Platform.Environments.Yaml;
using GitOps.Platform.Kubernetes;
using GitOps.Targets.Files;
using YamlDotNet.RepresentationModel;

namespace GitOps.Platform.Kubeconfig;

/// <summary>
/// Checks that a file is a kubeconfig the Kubernetes client can use, before anything acts on the cluster it names: the
/// client's own loader fails on an empty or mistyped file with NullReferenceException or YamlException and no file
/// name. Each problem is one message naming the file (and line), never a value from it: kubeconfigs hold credentials.
/// </summary>
public static class KubeconfigFile
{
    private const string Shape = "a kubeconfig has clusters, contexts, users and a current-context (as kubectl config view shows)";

    /// <exception cref="KubeconfigException">What is wrong, naming <paramref name="path"/>.</exception>
    public static void Validate(string path, string? context = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var root = Load(path);
        var contextName = context ?? Scalar(root, "current-context")
            ?? throw Problem(path, root, $"no current-context; {Shape}");
        var contexts = Named(path, root, "contexts");
        var chosen = contexts.GetValueOrDefault(contextName)
            ?? throw Problem(path, (YamlNode?)root.Child("current-context") ?? root, $"context '{contextName}' is not among its contexts ({List(contexts.Keys)})");
        var details = chosen.Child("context") as YamlMappingNode
            ?? throw Problem(path, chosen, $"context '{contextName}' has no 'context' mapping with cluster and user");
        var clusterName = Scalar(details, "cluster") ?? throw Problem(path, details, $"context '{contextName}' names no cluster");
        var userName = Scalar(details, "user") ?? throw Problem(path, details, $"context '{contextName}' names no user");
        var clusters = Named(path, root, "clusters");
        var cluster = clusters.GetValueOrDefault(clusterName)
            ?? throw Problem(path, details, $"context '{contextName}' names cluster '{clusterName}', which is not among its clusters ({List(clusters.Keys)})");
        var users = Named(path, root, "users");
        if (!users.TryGetValue(userName, out var user))
        {
            throw Problem(path, details, $"context '{contextName}' names user '{userName}', which is not among its users ({List(users.Keys)})");
        }

        // The client would fail on these later, with a FormatException or CryptographicException and no file.
        RequirePem(path, cluster.Child("cluster"), $"cluster '{clusterName}'", "certificate-authority-data", KubeconfigCredentialData.CertificateProblem);
        RequirePem(path, user.Child("user"), $"user '{userName}'", "client-certificate-data", KubeconfigCredentialData.CertificateProblem);
        RequirePem(path, user.Child("user"), $"user '{userName}'", "client-key-data", KubeconfigCredentialData.KeyProblem);

        var server = cluster.Child("cluster") is YamlMappingNode clusterDetails ? clusterDetails.Child("server") : null;
        if (!Uri.TryCreate(server.Text(), UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            throw Problem(path, server ?? cluster, $"cluster '{clusterName}' has no server URL (https://host:port)");
        }
    }

    private static YamlMappingNode Load(string path)
    {
        if (Directory.Exists(path))
        {
            throw new KubeconfigException($"{path}: is a directory, not a kubeconfig file");
        }

        if (!File.Exists(path))
        {
            throw new KubeconfigException($"{path}: kubeconfig not found");
        }

        string text;
        try
        {
            // Only a regular file of at most 1 MiB: /dev/zero would exhaust memory and a FIFO would hang the build.
            text = InputFile.ReadUtf8Text(path, path, "a kubeconfig");
        }
        catch (InputFileException error)
        {
            throw new KubeconfigException(error.Line > 0 ? $"{path}:{error.Line}: not UTF-8 text; a kubeconfig is YAML" : error.Message);
        }

        if (YamlCharacters.FirstDisallowed(text) is { } disallowed)
        {
            throw new KubeconfigException($"{path}:{disallowed.Line}: {disallowed.Character} is not allowed in YAML; {Shape}");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new KubeconfigException($"{path}: is empty; {Shape}");
        }

        if (!YamlText.TryLoad(text, out var stream, out var errorLine, out var message))
        {
            throw new KubeconfigException($"{path}:{errorLine}: not valid YAML ({Plain(message)}); {Shape}");
        }

        var root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode as YamlMappingNode : null;
        if (root is null)
        {
            throw new KubeconfigException($"{path}: not a kubeconfig (not a YAML mapping); {Shape}");
        }

        if (Scalar(root, "kind") is { } kind && kind != "Config")
        {
            throw Problem(path, root.KeyNode("kind")!, $"kind is '{kind}', not Config; {Shape}");
        }

        return root;
    }

    /// <summary>The entries of a list such as <c>clusters</c>, by name.</summary>
    private static Dictionary<string, YamlMappingNode> Named(string path, YamlMappingNode root, string key)
    {
        var list = root.Child(key);
        if (list is not YamlSequenceNode items || items.Children.Count == 0)
        {
            throw Problem(path, list ?? root, $"no {key}; {Shape}");
        }

        var named = new Dictionary<string, YamlMappingNode>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item is not YamlMappingNode entry || Scalar(entry, "name") is not { Length: > 0 } name)
            {
                throw Problem(path, item, $"an entry of {key} has no name");
            }

            named.TryAdd(name, entry);
        }

        return named;
    }

    private static void RequirePem(string path, YamlNode? details, string owner, string field, Func<string, string, string?> problem)
    {
        if (details.Child(field) is { } node && problem(field, node.Text() ?? string.Empty) is { } message)
        {
            throw Problem(path, node, $"{owner}: {message}");
        }
    }

    private static string? Scalar(YamlMappingNode node, string key) => node.Child(key).Text() is { Length: > 0 } text ? text : null;

    private static KubeconfigException Problem(string path, YamlNode node, string message) => new($"{path}:{node.Line()}: {message}");

    private static string List(IEnumerable<string> names) => string.Join(", ", names.DefaultIfEmpty("none"));

    /// <summary>YamlDotNet's message without its "(Line: 1, Col: 2, Idx: 1) - (…): " prefix; the line is already named.</summary>
    private static string Plain(string message)
    {
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        return (marker >= 0 && message.StartsWith('(') ? message[(marker + 3)..] : message).TrimEnd('.');
    }
}
