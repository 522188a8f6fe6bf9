using GitOps.Platform.Clouds.Google;
using GitOps.Platform.Kubernetes;
using k8s;
using k8s.Exceptions;
using k8s.KubeConfigModels;

namespace GitOps.Platform.Kubeconfig;

/// <summary>
/// How the build reaches a cluster its kubeconfig names, for KubernetesClient and for helm. A GKE kubeconfig (user
/// running gke-gcloud-auth-plugin) is authenticated with Google application default credentials obtained in-process,
/// so no gcloud login and no plugin are needed, locally or in CI; any other kubeconfig is used as it is.
/// </summary>
/// <param name="googleTokens">The Google credentials, created on first use (only GKE kubeconfigs need them).</param>
/// <param name="temporaryDirectory"><c>.nuke/temp</c>: short-lived kubeconfigs for helm go below it.</param>
public sealed class ClusterAccess(Func<GoogleAccessTokens> googleTokens, string temporaryDirectory)
{
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly Lazy<GoogleAccessTokens> tokens = new(googleTokens);

    /// <summary>A client for the cluster; for GKE every request carries a current Google access token.</summary>
    /// <param name="kubeconfigPath">The kubeconfig; checked first (<see cref="KubeconfigFile.Validate"/>).</param>
    /// <param name="requestTimeout">How long one request may wait for its answer; default the client's 100 s.</param>
    public IKubernetes Client(string kubeconfigPath, TimeSpan? requestTimeout = null)
    {
        if (File.Exists(kubeconfigPath))
        {
            KubeconfigFile.Validate(kubeconfigPath, context: null);
        }

        var kubeconfig = Load(kubeconfigPath);
        if (GkeExecPlugin.UserOf(kubeconfig) is not { } user)
        {
            return KubernetesClientFactory.FromKubeconfig(kubeconfigPath, requestTimeout: requestTimeout);
        }

        // KubernetesClient refuses a user without credentials, so a placeholder stands in while it reads the rest
        // (server, CA); the token provider then supplies the real token per request.
        user.UserCredentials.ExternalExecution = null;
        user.UserCredentials.Token = "replaced-by-the-token-provider";
        var configuration = Build(kubeconfigPath, kubeconfig);
        configuration.AccessToken = null;
        configuration.TokenProvider = new GoogleTokenProvider(tokens.Value);
        if (requestTimeout is { } timeout)
        {
            configuration.HttpClientTimeout = timeout;
        }

        return new k8s.Kubernetes(configuration);
    }

    /// <summary>
    /// The kubeconfig to pass helm. For GKE a copy whose user holds a token valid for at least
    /// <paramref name="lifetime"/> (helm cannot refresh one while it waits); dispose it when helm is done.
    /// </summary>
    public async Task<HelmKubeconfig> ForHelmAsync(string kubeconfigPath, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var kubeconfig = Load(kubeconfigPath);
        if (GkeExecPlugin.UserOf(kubeconfig) is not { } user)
        {
            return new HelmKubeconfig(kubeconfigPath, temporaryDirectory: null);
        }

        var token = await tokens.Value.GetAsync(lifetime, cancellationToken);
        user.UserCredentials.ExternalExecution = null;
        user.UserCredentials.Token = token.Value;
        var directory = System.IO.Path.Combine(temporaryDirectory, "helm", Guid.NewGuid().ToString("N"));
        CreatePrivateDirectory(directory);
        var path = System.IO.Path.Combine(directory, "kubeconfig");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        var helmKubeconfig = new HelmKubeconfig(path, directory);
        try
        {
            await using var stream = new FileStream(path, options);
            await using var writer = new StreamWriter(stream);
            await writer.WriteAsync(KubernetesYaml.Serialize(kubeconfig).AsMemory(), cancellationToken);
        }
        catch
        {
            await helmKubeconfig.DisposeAsync();
            throw;
        }

        return helmKubeconfig;
    }

    private static K8SConfiguration Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new KubeconfigException($"{path}: kubeconfig not found; run Provision (or ProvisionManagementCluster) first, or pass --mgmt-kubeconfig");
        }

        try
        {
            return KubernetesClientConfiguration.LoadKubeConfig(path);
        }
        catch (Exception error) when (error is KubeConfigException or YamlDotNet.Core.YamlException)
        {
            throw new KubeconfigException($"{path}: not a usable kubeconfig: {error.Message.Split('\n')[0]}");
        }
    }

    private static KubernetesClientConfiguration Build(string path, K8SConfiguration kubeconfig)
    {
        try
        {
            return KubernetesClientConfiguration.BuildConfigFromConfigObject(kubeconfig);
        }
        catch (KubeConfigException error)
        {
            throw new KubeconfigException($"{path}: not a usable kubeconfig: {error.Message}");
        }
    }

    private static void CreatePrivateDirectory(string directory)
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
