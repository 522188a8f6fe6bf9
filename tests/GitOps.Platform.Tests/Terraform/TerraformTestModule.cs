using GitOps.Platform.Clouds;
using GitOps.Platform.Terraform;
using GitOps.Targets.Output;
using GitOps.Targets.Tooling;

namespace GitOps.Platform.Tests.Terraform;

/// <summary>
/// A root module made only of Terraform's built-in resources, with the outputs every cluster module declares, a local
/// backend whose state path is given through -backend-config, and its own temp directory.
/// </summary>
internal sealed class TerraformTestModule : IDisposable
{
    private const string Module = """
        terraform {
          backend "local" {}
        }

        variable "stage" {
          type = string
        }

        variable "region" {
          type = string
        }

        variable "hold_seconds" {
          type    = number
          default = 0
        }

        resource "terraform_data" "cluster" {
          input = "gitops-${var.stage}-${var.region}"

          provisioner "local-exec" {
            command = "sleep ${var.hold_seconds}"
          }
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

        output "node_count" {
          value = 3
        }

        output "kubeconfig" {
          sensitive = true
          value     = "apiVersion: v1\nkind: Config\nusers:\n- name: test\n  user:\n    token: TOKEN\n"
        }
        """;

    public TerraformTestModule()
    {
        Root = Directory.CreateTempSubdirectory("gitops-terraform-").FullName;
        ModuleDirectory = Path.Combine(Root, "module");
        Directory.CreateDirectory(ModuleDirectory);
        Token = $"token-{Guid.NewGuid():N}";
        File.WriteAllText(Path.Combine(ModuleDirectory, "main.tf"), Module.Replace("TOKEN", Token, StringComparison.Ordinal));
        VarFile = Path.Combine(Root, "dev.tfvars");
        File.WriteAllText(VarFile, "region = \"europe\"\n");

        // An empty CLI configuration keeps terraform from warning about a missing ~/.terraformrc.
        var cliConfig = Path.Combine(Root, "cli.tfrc");
        File.WriteAllText(cliConfig, string.Empty);
        Settings = new TerraformSettings
        {
            LockTimeout = TimeSpan.Zero,
            Environment = new Dictionary<string, string?> { ["TF_CLI_CONFIG_FILE"] = cliConfig },
        };
        Workspace = new TerraformWorkspace(
            ClusterKey.Environment("dev", "gcp"),
            ModuleDirectory,
            new Dictionary<string, string> { ["path"] = StatePath },
            [VarFile],
            new Dictionary<string, string> { ["stage"] = "dev" },
            Path.Combine(Root, ".nuke", "temp", "terraform", "dev-gcp"));
        Runner = new RecordingToolRunner(new ToolRunner(new ToolLocator(Path.Combine(Root, "tools")), Log, Masker));
    }

    public string Root { get; }

    public string ModuleDirectory { get; }

    /// <summary>The secret inside the sensitive kubeconfig output.</summary>
    public string Token { get; }

    public string VarFile { get; }

    public string StatePath => Path.Combine(Root, "state", "terraform.tfstate");

    public string LockInfoPath => Path.Combine(Root, "state", ".terraform.tfstate.lock.info");

    public string TempDirectory => Path.Combine(Root, ".nuke", "temp");

    public TerraformSettings Settings { get; }

    public TerraformWorkspace Workspace { get; }

    public RecordingLog Log { get; } = new();

    public SecretMasker Masker { get; } = new();

    public RecordingToolRunner Runner { get; }

    public TerraformDriver CreateDriver() => Workspace.CreateDriver(Runner, Masker, Log, Settings);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
