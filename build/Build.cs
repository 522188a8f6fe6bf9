using GitOps.Platform.Environments;
using GitOps.Platform.Environments.Loading;
using GitOps.Platform.Toolchain;

namespace GitOps.Build;

/// <summary>
/// The GitOps platform's target graph: provision clusters, deploy the app-of-apps through Argo CD, test, promote,
/// destroy, and verify every environment offline. Each target says what happens and delegates to src/.
/// </summary>
internal sealed partial class Build : BuildScript
{
    public static Task<int> Main(string[] args) => Execute<Build>(args, build => build.Verify);

    protected override string Title => "GitOps build: typed targets from nothing to production and back";

    /// <summary>A --root elsewhere is refused before anything is written there: this is what our repositories hold.</summary>
    protected override IReadOnlyList<string> RepositoryMarkers => [".nuke/", "build/", EnvironmentLayout.StagesFile];

    [Parameter("Stage to act on.")]
    private readonly Stage? Stage;

    [Parameter("Cloud of the environment (stage x cloud).")]
    private readonly Cloud? Cloud;

    [Parameter("Cloud of the stage's management cluster (the one running Argo CD).")]
    private readonly Cloud? MgmtCloud;

    [Parameter("Only run Terraform (and refresh kubeconfigs); do not deploy. The old -t.", NotFromPipelineVariables = true)]
    private readonly bool TerraformOnly;

    [Parameter("Pipeline mode: CI/CD variables come from the runner, not from GitLab. Also on whenever a GitLab job marker (GITLAB_CI, CI_JOB_TOKEN, CI_JOB_ID) is set, whatever its value. The old -p. "
        + "In pipeline mode the Workload Identity provider, the deployer and the state bucket are the stage's committed ones (environments/terraform/gcp/stages/foundation/<stage>.tfvars; "
        + "GCP_WORKLOAD_IDENTITY_PROVIDER, GCP_DEPLOYER_SERVICE_ACCOUNT and TF_STATE_BUCKET may only repeat them), an SSL_CERT_FILE or SSL_CERT_DIR in the builds or temporary directory (where file-type variables land) is refused, "
        + "and tools run only from the verified .nuke/tools, never from PATH.")]
    private readonly bool Pipeline;

    private string StageName => Stage?.ToName() ?? throw new UsageException("--stage is required");

    private string CloudName => Cloud?.ToName() ?? throw new UsageException("--cloud is required");

    /// <summary>The old scripts' -p: in a GitLab job the runner already provides every CI/CD variable.</summary>
    protected override bool InPipeline => Pipeline || base.InPipeline;

    private bool IsPipeline => InPipeline;

    /// <summary>Every tool the targets run starts with the allowlisted environment of ToolEnvironment, not the build's (in a pipeline, with .nuke/temp/home as HOME).</summary>
    protected override IToolRunner DecorateTools(IToolRunner runner) => new IsolatedToolRunner(runner, () => InPipeline, new PipelineToolHome(TemporaryDirectory, RootDirectory));

    /// <summary>The stage catalog, its problems named relative to the root (environments/stages.yaml:3).</summary>
    private StageCatalog Catalog => StageCatalog.Load(EnvironmentLayout.Resolve(RootDirectory, EnvironmentLayout.StagesFile), EnvironmentLayout.StagesFile);

    /// <summary>
    /// The values files of the environment (every cloud of the stage without --cloud), and those its parent names, are
    /// files before anything renders or deploys; an environment the catalog lacks is refused by the target itself.
    /// </summary>
    private bool ValuesFilesAreUsable
    {
        get
        {
            if (Stage is { } stage)
            {
                var catalog = Catalog;
                IEnumerable<EnvironmentId> environments = Cloud is { } cloud ? [new EnvironmentId(stage, cloud)] : catalog.Definition(stage).Environments;
                foreach (var environment in environments.Where(catalog.Contains))
                {
                    ValuesFileCheck.Require(RootDirectory, environment);
                }
            }

            return true;
        }
    }

    /// <summary>A trigger chooses STAGE and CLOUD: checked against the catalog before anything runs.</summary>
    private bool EnvironmentIsDeclared
    {
        get
        {
            TriggerInputs.RequireDeclared(Catalog, Stage, Cloud);
            return true;
        }
    }
}
