using GitOps.Platform.Foundation;
using GitOps.Platform.Terraform;
using GitOps.Targets.Output;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Tests.Terraform;

/// <summary>
/// The foundation's bootstrap with real terraform: a module of built-in resources whose "bucket" is a directory it
/// creates, behind a backend that refuses to init while that directory is missing, as the gcs backend does.
/// </summary>
public sealed class FoundationProvisionerTests : IDisposable
{
    private const string Module = """
        terraform {
          backend "local" {}
        }

        variable "stage" {
          type = string
        }

        variable "state_bucket" {
          type = string
        }

        resource "terraform_data" "bucket" {
          input = var.state_bucket

          provisioner "local-exec" {
            command = "mkdir -p '${var.state_bucket}'"
          }
        }

        output "state_bucket" {
          value = terraform_data.bucket.output
        }

        output "deployer_service_account" {
          value = "gitops-deployer-${var.stage}@project.iam.gserviceaccount.com"
        }

        output "workload_identity_provider" {
          value = "projects/123/locations/global/workloadIdentityPools/gitlab-${var.stage}/providers/gitlab"
        }

        output "workload_identity_audience" {
          value = "https://iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/gitlab-${var.stage}/providers/gitlab"
        }
        """;

    private readonly string root = Directory.CreateTempSubdirectory("gitops-foundation-").FullName;
    private readonly FoundationWorkspace workspace;
    private readonly MissingBucketBackend backend;
    private readonly RecordingToolRunner runner;
    private readonly TerraformSettings settings;
    private readonly RecordingLog log = new();

    public FoundationProvisionerTests()
    {
        var module = Path.Combine(root, "foundation");
        Directory.CreateDirectory(module);
        File.WriteAllText(Path.Combine(module, "main.tf"), Module);
        var cliConfig = Path.Combine(root, "cli.tfrc");
        File.WriteAllText(cliConfig, string.Empty);
        settings = new TerraformSettings { LockTimeout = TimeSpan.Zero, Environment = new Dictionary<string, string?> { ["TF_CLI_CONFIG_FILE"] = cliConfig } };
        workspace = new FoundationWorkspace(
            "dev",
            module,
            new Dictionary<string, string> { ["path"] = Path.Combine(Bucket, "gitops", "dev", "foundation", "default.tfstate") },
            [],
            new Dictionary<string, string> { ["stage"] = "dev", ["state_bucket"] = Bucket },
            Path.Combine(root, ".nuke", "temp", "terraform", "dev-foundation"));
        runner = new RecordingToolRunner(new ToolRunner(new ToolLocator(Path.Combine(root, "tools")), log, new SecretMasker()));
        backend = new MissingBucketBackend(runner, Bucket);
    }

    private string Bucket => Path.Combine(root, "bucket");

    private string RemoteState => workspace.BackendConfig["path"];

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task The_first_run_applies_with_local_state_then_moves_it_into_the_bucket_it_created()
    {
        var outputs = await Provisioner().ProvisionAsync(workspace, CancellationToken.None);

        backend.RefusedInits.ShouldBe(1);
        outputs.StateBucket.ShouldBe(Bucket);
        outputs.DeployerServiceAccount.ShouldBe("gitops-deployer-dev@project.iam.gserviceaccount.com");
        outputs.WorkloadIdentityProvider.ShouldEndWith("/workloadIdentityPools/gitlab-dev/providers/gitlab");
        File.ReadAllText(RemoteState).ShouldContain("terraform_data");
        Directory.Exists(workspace.BootstrapDirectory).ShouldBeFalse("the local state is deleted once it is in the bucket");
        File.ReadAllText(Path.Combine(workspace.ModuleDirectory, "main.tf")).ShouldBe(Module, "the committed module is never edited");
        Directory.GetFiles(workspace.ModuleDirectory).Length.ShouldBe(1);
    }

    [Fact]
    public async Task A_rerun_uses_the_bucket_and_changes_nothing()
    {
        await Provisioner().ProvisionAsync(workspace, CancellationToken.None);
        var stateBefore = File.ReadAllText(RemoteState);
        runner.Clear();

        await Provisioner().ProvisionAsync(workspace, CancellationToken.None);

        backend.RefusedInits.ShouldBe(1, "only the very first init found no bucket");
        runner.Commands.ShouldBe(["init", "plan", "output"]);
        File.ReadAllText(RemoteState).ShouldBe(stateBefore);
    }

    [Fact]
    public async Task A_first_run_interrupted_before_the_push_is_completed_by_the_next_run_without_creating_anything_twice()
    {
        // As if the process died right after the bootstrap apply: the bucket exists, its state only locally.
        var interrupted = new InterruptBeforePush(backend);
        await Should.ThrowAsync<OperationCanceledException>(() =>
            new FoundationProvisioner(interrupted, new SecretMasker(), log, settings).ProvisionAsync(workspace, CancellationToken.None));
        File.Exists(workspace.BootstrapStateFile).ShouldBeTrue();
        File.Exists(RemoteState).ShouldBeFalse();
        runner.Clear();

        await Provisioner().ProvisionAsync(workspace, CancellationToken.None);

        runner.Commands.ShouldBe(["init", "state", "plan", "output"]);
        File.ReadAllText(RemoteState).ShouldContain("terraform_data");
        Directory.Exists(workspace.BootstrapDirectory).ShouldBeFalse();
    }

    [Fact]
    public async Task Any_other_init_failure_stops_the_run_before_anything_is_applied()
    {
        File.WriteAllText(Path.Combine(workspace.ModuleDirectory, "broken.tf"), "resource \"terraform_data\" {\n");

        var failure = await Should.ThrowAsync<ToolFailedException>(() => Provisioner().ProvisionAsync(workspace, CancellationToken.None));

        failure.Message.ShouldStartWith("terraform init in ");
        runner.Commands.ShouldNotContain("apply");
        Directory.Exists(Bucket).ShouldBeFalse();
    }

    private FoundationProvisioner Provisioner() => new(backend, new SecretMasker(), log, settings);

    /// <summary>Stops the run when it is about to push the first run's state.</summary>
    private sealed class InterruptBeforePush(IToolRunner inner) : IToolRunner
    {
        public Task<ToolResult> RunAsync(ToolInvocation invocation, CancellationToken cancellationToken) =>
            invocation.Arguments[0] == "state" ? throw new OperationCanceledException() : inner.RunAsync(invocation, cancellationToken);
    }
}
