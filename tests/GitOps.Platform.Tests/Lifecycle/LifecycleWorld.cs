using GitOps.Platform.ArgoCd;
using GitOps.Platform.Environments;
using GitOps.Platform.Lifecycle;
using GitOps.Platform.Terraform;
using GitOps.Platform.Tests.ArgoCd;
using GitOps.Targets.Output;
using GitOps.Targets.Tooling;
using GitOps.TestDoubles.Kubernetes;

namespace GitOps.Platform.Tests.Lifecycle;

/// <summary>
/// A repository copy with this repository's stage catalog, app-of-apps files and Argo CD pin, whose clouds run real
/// terraform on root modules made of terraform_data (local state) that output the fake API server's kubeconfig, and a
/// management cluster played by the fake API server with the simulated Argo CD controller.
/// </summary>
internal sealed class LifecycleWorld : IAsyncDisposable
{
    public const string DevParent = "app-of-apps-dev-gcp";

    public const string DevRoot = "root-dev";

    public const string TriggerToken = "glptt-e2e-trigger-test-token";

    private const string Module = """
        terraform {
          backend "local" {}
        }

        variable "stage" {
          type = string
        }

        variable "role" {
          type = string
        }

        variable "kubeconfig_path" {
          type = string
        }

        resource "terraform_data" "cluster" {
          input = "gitops-${var.stage}-${var.role}"
        }

        output "cluster_name" {
          value = terraform_data.cluster.output
        }

        output "cluster_endpoint" {
          value = "https://10.0.0.1"
        }

        output "cluster_ca_certificate" {
          value = base64encode("test-ca")
        }

        output "argocd_service_account" {
          value = "argocd-${var.stage}@test-project.iam.gserviceaccount.com"
        }

        output "argocd_server_service_account" {
          value = "argocd-server-${var.stage}@test-project.iam.gserviceaccount.com"
        }

        output "kubeconfig" {
          sensitive = true
          value     = file(var.kubeconfig_path)
        }
        """;

    private LifecycleWorld(string root, FakeKubeApiServer server, SimulatedArgoCdController controller)
    {
        Root = root;
        Server = server;
        Controller = controller;
        CopyFromRepository("environments/stages.yaml", "environments/argocd/argocd-chart.yaml", "environments/argocd/argocd-values.yaml", EnvironmentLayout.DefaultProjectFile);
        foreach (var stage in Enum.GetValues<Stage>())
        {
            CopyFromRepository(EnvironmentLayout.AppOfAppsFile(stage), EnvironmentLayout.RootFile(stage));
        }

        var fakeKubeconfig = server.WriteKubeconfig(Path.Combine(root, "fake-cluster"));
        var terraform = Path.Combine(root, "terraform");
        foreach (var role in new[] { "environment-cluster", "management-cluster" })
        {
            Directory.CreateDirectory(Path.Combine(terraform, role));
            File.WriteAllText(Path.Combine(terraform, role, "main.tf"), Module);
        }

        Directory.CreateDirectory(Path.Combine(terraform, "stages", "mgmt"));
        foreach (var stage in EnvironmentNames.StageNames)
        {
            File.WriteAllText(Path.Combine(terraform, "stages", $"{stage}.tfvars"), $"role = \"env\"\nkubeconfig_path = \"{fakeKubeconfig}\"\n");
            File.WriteAllText(Path.Combine(terraform, "stages", "mgmt", $"{stage}.tfvars"), $"role = \"mgmt\"\nkubeconfig_path = \"{fakeKubeconfig}\"\n");
        }

        // An empty CLI configuration keeps terraform from warning about a missing ~/.terraformrc.
        var cliConfig = Path.Combine(root, "cli.tfrc");
        File.WriteAllText(cliConfig, string.Empty);
        Terraform = new TerraformSettings
        {
            LockTimeout = TimeSpan.Zero,
            Environment = new Dictionary<string, string?> { ["TF_CLI_CONFIG_FILE"] = cliConfig },
        };
        Cloud = new TestCloud(terraform);
        Runner = new TimelineToolRunner(new ToolRunner(new ToolLocator(Path.Combine(root, "tools")), Log, Masker), server, () => ApplicationsOf(DevParent));
        Installer = new RecordingArgoCdInstaller(server.Calls);
    }

    public string Root { get; }

    public FakeKubeApiServer Server { get; }

    public SimulatedArgoCdController Controller { get; }

    public TestCloud Cloud { get; }

    public TerraformSettings Terraform { get; }

    public TimelineToolRunner Runner { get; }

    public RecordingArgoCdInstaller Installer { get; }

    public RecordingLog Log { get; } = new();

    public SecretMasker Masker { get; } = new();

    /// <summary>The process environment the lifecycle sees (CI/CD variables loaded by PrepareSensitiveInformation).</summary>
    public Dictionary<string, string?> Variables { get; } = new(StringComparer.Ordinal) { [E2eTriggerToken.Variable] = TriggerToken };

    public string TemporaryDirectory => Path.Combine(Root, ".nuke", "temp");

    /// <summary>Where the next contexts keep Terraform state; default local files under <see cref="Root"/>/state.</summary>
    public TerraformStateBackend? StateBackend { get; set; }

    /// <summary>Environment clusters keep their state in a remote http backend (as on GCS) from now on.</summary>
    public void UseHttpStateForEnvironments(Tests.Terraform.HttpStateServer server)
    {
        var module = Path.Combine(Root, "terraform", "environment-cluster", "main.tf");
        File.WriteAllText(module, File.ReadAllText(module).Replace("backend \"local\" {}", "backend \"http\" {}", StringComparison.Ordinal));
        StateBackend = new HttpEnvironmentStateBackend(server, server.Password, TerraformStateBackend.Local(Path.Combine(Root, "state")));
    }

    public static async Task<LifecycleWorld> StartAsync(ArgoScenario? scenario = null)
    {
        var root = Directory.CreateTempSubdirectory("gitops-lifecycle-").FullName;
        var server = await FakeKubeApiServer.StartAsync();
        scenario ??= new ArgoScenario();
        return new LifecycleWorld(root, server, SimulatedArgoCdController.Start(server, scenario.Roots.Count > 0 ? scenario : scenario with { Roots = RootsOfRepository() }));
    }

    /// <summary>Each stage's root with the parents its file holds, so the simulated root creates what Argo CD's would.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<System.Text.Json.Nodes.JsonObject>> RootsOfRepository()
    {
        var catalog = StageCatalog.Load(Path.Combine(RepositoryRoot.Path, EnvironmentLayout.StagesFile));
        return catalog.Stages.ToDictionary(
            stage => EnvironmentLayout.RootApplicationName(stage.Stage),
            stage => (IReadOnlyList<System.Text.Json.Nodes.JsonObject>)[.. stage.Environments.Select(environment =>
                AppOfAppsManifest.Load(Path.Combine(RepositoryRoot.Path, EnvironmentLayout.AppOfAppsFile(stage.Stage)), EnvironmentLayout.ReleaseName(environment)).Resource)],
            StringComparer.Ordinal);
    }

    public LifecycleContext Context(string? mgmtKubeconfig = null) => new()
    {
        RepositoryRoot = Root,
        TemporaryDirectory = TemporaryDirectory,
        Tools = Runner,
        Secrets = Masker,
        Log = Log,
        Environment = name => Variables.GetValueOrDefault(name),
        MgmtKubeconfig = mgmtKubeconfig,
        Terraform = Terraform,
        StateBackend = StateBackend ?? TerraformStateBackend.Local(Path.Combine(Root, "state")),
        Clouds = _ => Cloud,
        ArgoCdInstaller = Installer,
        GoogleEndpoints = GoogleEndpoints ?? Platform.Clouds.Google.GoogleEndpoints.Google,
    };

    /// <summary>Where Workload Identity credential files point (the loopback Google stand-in), once set.</summary>
    public Platform.Clouds.Google.GoogleEndpoints? GoogleEndpoints { get; private set; }

    /// <summary>
    /// From now on the clusters are GKE as far as the build can tell: Terraform outputs a kubeconfig whose user runs
    /// gke-gcloud-auth-plugin (not installed here, nor gcloud), the API server accepts only Google access tokens that
    /// <paramref name="google"/> issued, and the job has a GitLab OIDC token for Workload Identity Federation.
    /// </summary>
    public void UseGkeWorkloadIdentity(TestDoubles.Google.FakeGoogleTokenService google, string idToken)
    {
        var kubeconfig = Path.Combine(Root, "gke-cluster", "kubeconfig");
        Directory.CreateDirectory(Path.GetDirectoryName(kubeconfig)!);
        File.WriteAllText(kubeconfig, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: gke
              cluster:
                server: {Server.BaseAddress.ToString().TrimEnd('/')}
            contexts:
            - name: gke
              context:
                cluster: gke
                user: gke
            current-context: gke
            users:
            - name: gke
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  command: gke-gcloud-auth-plugin
                  args: ["--use_application_default_credentials"]
                  provideClusterInfo: true
            """);
        foreach (var tfvars in Directory.GetFiles(Path.Combine(Root, "terraform", "stages"), "*.tfvars", SearchOption.AllDirectories))
        {
            File.WriteAllText(tfvars, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(tfvars), "kubeconfig_path = \".*\"", $"kubeconfig_path = \"{kubeconfig}\""));
        }

        // The pipeline's provider and deployer are the stage's committed ones (no CI/CD variable names them).
        var foundation = Path.Combine(Root, Platform.Terraform.CommittedStateBucket.VarFile("dev"));
        Directory.CreateDirectory(Path.GetDirectoryName(foundation)!);
        File.WriteAllText(foundation, "project_id     = \"test-project\"\nproject_number = \"123456789012\"\n");
        var committed = Platform.Clouds.Google.CommittedDeployer.Load(Root, "dev");
        google.Audience = $"//iam.googleapis.com/{committed.Provider}";
        google.ServiceAccount = committed.ServiceAccount;
        google.SubjectToken = idToken;
        Variables[Platform.Clouds.Google.WorkloadIdentityCredentials.IdTokenVariable] = idToken;
        Variables["GITLAB_CI"] = "true";
        GoogleEndpoints = new Platform.Clouds.Google.GoogleEndpoints(google.StsEndpoint, google.IamCredentialsRoot);
        Server.RequireBearerToken(google.IsValidAccessToken);
    }

    public string KubeconfigOf(string cluster) => Path.Combine(TemporaryDirectory, cluster, "kubeconfig");

    public string StateFileOf(string cluster) => Path.Combine(Root, "state", $"{cluster}.tfstate");

    /// <summary>The parent and the children of one app-of-apps that exist right now (deleting ones included).</summary>
    public int ApplicationsOf(string parent) => Server.Store.List(ResourceType.Application, "argocd").Items
        .Count(application => KubeMetadata.Name(application) == parent || KubeMetadata.Label(application, SimulatedArgoCdController.InstanceLabel) == parent);

    /// <summary>Provisions dev's management cluster and the dev-gcp environment, and deploys it.</summary>
    public async Task DeployDevAsync()
    {
        await new ManagementClusterLifecycle(Context()).ProvisionAsync(Stage.Dev, Platform.Environments.Cloud.Gcp, CancellationToken.None);
        var environment = new EnvironmentLifecycle(Context());
        await environment.ProvisionAsync(DevGcp, terraformOnly: false, CancellationToken.None);
        await environment.DeployAppOfAppsAsync(DevGcp, TimeSpan.FromSeconds(30), CancellationToken.None);
    }

    public static EnvironmentId DevGcp => new(Stage.Dev, Platform.Environments.Cloud.Gcp);

    public async ValueTask DisposeAsync()
    {
        await Controller.DisposeAsync();
        await Server.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }

    private void CopyFromRepository(params string[] files)
    {
        foreach (var file in files)
        {
            var target = EnvironmentLayout.Resolve(Root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(EnvironmentLayout.Resolve(RepositoryRoot.Path, file), target);
        }
    }
}
