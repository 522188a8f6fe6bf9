using GitOps.Platform.Tests.Terraform.Schema;

namespace GitOps.Platform.Tests.Terraform;

/// <summary>The schema oracle fails on each kind of mistake `terraform validate` would report, naming file:line.</summary>
public sealed class TerraformSchemaOracleTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("tf-schema-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task An_unknown_argument_is_reported_with_its_line_and_the_closest_known_name()
    {
        Write("main.tf", """
            resource "google_storage_bucket" "state" {
              name     = "state"
              location = "EU"
              uniform_bucket_access = true
            }
            """);

        (await FindingsAsync()).ShouldBe(["main.tf:4: google_storage_bucket.state: unknown argument or block 'uniform_bucket_access' in hashicorp/google 6.50.0 (did you mean 'uniform_bucket_level_access'?)"]);
    }

    [Fact]
    public async Task An_unknown_argument_inside_a_nested_block_is_reported_at_its_line()
    {
        Write("cluster.tf", """
            resource "google_container_cluster" "this" {
              name     = "c"
              location = "europe-west3"

              private_cluster_config {
                enable_private_nodes = true
                enable_private_node  = true # typo
              }
            }
            """);

        (await FindingsAsync()).ShouldBe(["cluster.tf:7: google_container_cluster.this.private_cluster_config: unknown argument or block 'enable_private_node' in hashicorp/google 6.50.0 (did you mean 'enable_private_nodes'?)"]);
    }

    [Fact]
    public async Task An_unknown_block_and_an_unknown_dynamic_block_are_reported()
    {
        Write("main.tf", """
            resource "google_storage_bucket" "state" {
              name     = "state"
              location = "EU"

              versionning {
                enabled = true
              }

              dynamic "lifecycle_rules" {
                for_each = []
                content {}
              }
            }
            """);

        (await FindingsAsync()).ShouldBe([
            "main.tf:5: google_storage_bucket.state: unknown argument or block 'versionning' in hashicorp/google 6.50.0 (did you mean 'versioning'?)",
            "main.tf:9: google_storage_bucket.state: unknown block 'lifecycle_rules' in dynamic \"lifecycle_rules\" (hashicorp/google 6.50.0) (did you mean 'lifecycle_rule'?)",
        ]);
    }

    [Fact]
    public async Task A_missing_required_argument_is_reported_at_the_resource_and_in_a_nested_block()
    {
        Write("main.tf", """
            resource "google_storage_bucket" "state" {
              name = "state"

              versioning {
              }
            }
            """);

        (await FindingsAsync()).ShouldBe([
            "main.tf:1: google_storage_bucket.state: missing required argument 'location'",
            "main.tf:4: google_storage_bucket.state.versioning: missing required argument 'enabled'",
        ]);
    }

    [Fact]
    public async Task An_argument_written_as_a_block_is_reported()
    {
        Write("main.tf", """
            resource "google_service_account" "deployer" {
              account_id = "deployer"
            }

            resource "google_storage_bucket" "state" {
              name     = "state"
              location = "EU"
              labels {
                stage = "dev"
              }
            }
            """);

        (await FindingsAsync()).ShouldBe(["main.tf:8: google_storage_bucket.state: 'labels' is an argument, not a block: write labels = ..."]);
    }

    [Fact]
    public async Task A_reference_to_an_attribute_the_resource_does_not_export_is_reported()
    {
        Write("main.tf", """
            resource "google_service_account" "argocd" {
              account_id = "argocd"
            }

            resource "google_container_cluster" "this" {
              name     = "c"
              location = "europe-west3"
            }

            output "email" {
              value = google_service_account.argocd.mail
            }

            output "ca" {
              value = "${google_container_cluster.this.master_auth[0].ca_certificate}"
            }

            output "fine" {
              value = [google_service_account.argocd.email, google_container_cluster.this.master_auth[0].cluster_ca_certificate, google_container_cluster.this.endpoint]
            }
            """);

        (await FindingsAsync()).ShouldBe([
            "main.tf:11: 'google_service_account.argocd.mail': google_service_account does not export 'mail' in hashicorp/google 6.50.0 (did you mean 'email'?)",
            "main.tf:15: 'google_container_cluster.this.master_auth[0].ca_certificate': google_container_cluster's master_auth does not export 'ca_certificate' (did you mean 'cluster_ca_certificate'?)",
        ]);
    }

    [Fact]
    public async Task Unknown_resource_types_undeclared_resources_variables_and_locals_are_reported()
    {
        Write("main.tf", """
            resource "google_storage_buckets" "state" {
              name = "x"
            }

            output "o" {
              value = [google_compute_network.missing.id, var.nothing, local.nothing]
            }
            """);

        (await FindingsAsync()).ShouldBe([
            "main.tf:1: google_storage_buckets.state: hashicorp/google 6.50.0 has no resource type 'google_storage_buckets'",
            "main.tf:6: 'google_compute_network.missing.id': the module declares no google_compute_network.missing",
            "main.tf:6: 'var.nothing': the module declares no variable \"nothing\"",
            "main.tf:6: 'local.nothing': the module declares no local 'nothing'",
        ]);
    }

    [Fact]
    public async Task A_module_call_must_match_the_called_modules_variables_and_outputs()
    {
        Write("modules/cluster/variables.tf", """
            variable "name" {
              type = string
            }

            variable "region" {
              type    = string
              default = "europe-west3"
            }
            """);
        Write("modules/cluster/outputs.tf", """
            output "endpoint" {
              value = "https://${var.name}"
            }
            """);
        Write("root/main.tf", """
            module "cluster" {
              source = "../modules/cluster"

              regoin = "europe-west1"
            }

            module "elsewhere" {
              source = "../modules/none"
            }

            output "endpoint" {
              value = module.cluster.endpoints
            }
            """);

        (await FindingsAsync()).ShouldBe([
            "root/main.tf:1: module \"cluster\": missing required variable \"name\" of ../modules/cluster",
            "root/main.tf:4: module \"cluster\": ../modules/cluster declares no variable \"regoin\" (did you mean 'region'?)",
            "root/main.tf:8: module \"elsewhere\": source \"../modules/none\" is not a module in this repository",
            "root/main.tf:12: 'module.cluster.endpoints': module \"cluster\" (cluster) has no output \"endpoints\"",
        ]);
    }

    /// <summary>Folding resources into a module: each moved block must land on an instance the new configuration makes.</summary>
    [Fact]
    public async Task A_moved_block_must_move_from_what_is_gone_to_an_instance_the_configuration_makes()
    {
        Write("modules/identity/main.tf", """
            variable "roles" {
              type = set(string)
            }

            variable "members" {
              type = map(string)
            }

            resource "google_service_account" "this" {
              account_id = "a"
            }

            resource "google_project_iam_member" "this" {
              for_each = var.roles
              project  = "p"
              role     = each.value
              member   = google_service_account.this.member
            }

            resource "google_service_account_iam_member" "workload_identity" {
              for_each           = var.members
              service_account_id = google_service_account.this.name
              role               = "roles/iam.workloadIdentityUser"
              member             = each.value
            }
            """);
        Write("root/main.tf", """
            module "argocd" {
              source  = "../modules/identity"
              roles   = ["roles/container.clusterViewer"]
              members = { controller = "ns/controller" }
            }

            resource "google_service_account" "nodes" {
              account_id = "n"
            }

            moved {
              from = google_project_iam_member.argocd_viewer
              to   = module.argocd.google_project_iam_member.this["roles/container.clusterViewer"]
            }

            moved {
              from = google_service_account_iam_member.argocd_workload_identity[0]
              to   = module.argocd.google_service_account_iam_member.workload_identity["application-controller"]
            }

            moved {
              from = google_service_account.nodes
              to   = module.nodes.google_service_account.this
            }

            moved {
              from = google_service_account.argocd
              to   = module.argocd.google_service_account.that
            }
            """);

        (await FindingsAsync()).ShouldBe([
            "root/main.tf:18: moved to module.argocd.google_service_account_iam_member.workload_identity[\"application-controller\"]: the call gives google_service_account_iam_member.workload_identity no instance [\"application-controller\"] (it makes: controller)",
            "root/main.tf:22: moved from google_service_account.nodes: the module still declares google_service_account.nodes",
            "root/main.tf:23: moved to module.nodes.google_service_account.this: no local module \"nodes\" is called there",
            "root/main.tf:28: moved to module.argocd.google_service_account.that: identity declares no google_service_account.that",
        ]);
    }

    [Fact]
    public async Task The_provider_block_is_checked_and_a_file_hcl_rejects_is_reported()
    {
        Write("versions.tf", """
            provider "google" {
              project = "p"
              zone_name = "x"
            }
            """);
        Write("broken.tf", """
            resource "google_storage_bucket" "state" {
              name =
            }
            """);

        var findings = await FindingsAsync();

        findings.ShouldContain("versions.tf:3: provider \"google\": unknown argument or block 'zone_name' in hashicorp/google 6.50.0");
        findings.ShouldContain(finding => finding.StartsWith("broken.tf:1: not valid HCL: ", StringComparison.Ordinal) && finding.Contains("broken.tf:2", StringComparison.Ordinal));
    }

    private void Write(string relativePath, string text)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text + "\n");
    }

    private async Task<string[]> FindingsAsync()
    {
        var installation = await ProviderSchemaInstallation.GetAsync();
        var tree = await TerraformTree.LoadAsync(root, root, new HclParser(installation.NodeModules));
        return [.. tree.ParseErrors.Concat(new TerraformSchemaCheck(installation.Schema).Check(tree.Modules)).Select(finding => finding.ToString())];
    }
}
