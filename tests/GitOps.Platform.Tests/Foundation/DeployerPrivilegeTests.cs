using System.Text.Json.Nodes;
using GitOps.Platform.Clouds;
using GitOps.Platform.Foundation;
using GitOps.Platform.Tests.Terraform.Schema;

namespace GitOps.Platform.Tests.Foundation;

/// <summary>
/// The deployer cannot raise its own rights: it holds no role that can change an IAM policy, and the roots it runs
/// (the cluster roots) change no IAM policy at all; bindings of the clusters' workloads are the foundation's, run by
/// the admin. Read with HashiCorp's HCL parser, like the schema oracle.
/// </summary>
public sealed class DeployerPrivilegeTests
{
    // Predefined roles that carry setIamPolicy on service accounts, projects or roles (escalation paths).
    private static readonly string[] PolicyChangingRoles =
    [
        "roles/owner", "roles/editor", "roles/iam.serviceAccountAdmin", "roles/iam.securityAdmin", "roles/resourcemanager.projectIamAdmin",
        "roles/iam.roleAdmin", "roles/iam.serviceAccountTokenCreator", "roles/iam.workloadIdentityUser", "roles/iam.workloadIdentityPoolAdmin",
    ];

    [Fact]
    public async Task The_deployer_holds_no_role_that_changes_iam_policies_or_mints_other_accounts_tokens()
    {
        var grants = (await ResourcesAsync(FoundationLayout.ModuleDirectory))
            .Where(resource => resource.Type.Contains("_iam_member", StringComparison.Ordinal)
                && (resource.Body["member"]?.ToString().Contains("deployer", StringComparison.Ordinal) ?? false))
            .ToList();

        grants.ShouldNotBeEmpty();
        foreach (var grant in grants)
        {
            var roles = grant.Body["for_each"]?.ToString() ?? grant.Body["role"]!.ToString();
            PolicyChangingRoles.ShouldNotContain(role => roles.Contains(role, StringComparison.Ordinal), $"{grant.Type}.{grant.Name} gives the deployer {roles}");
        }
    }

    [Theory]
    [InlineData("environment")]
    [InlineData("management")]
    public async Task The_cluster_roots_the_deployer_runs_change_no_iam_policy(string root)
    {
        var gcp = CloudProviders.Get("gcp");
        var module = root == "environment" ? gcp.EnvironmentModuleDirectory : gcp.ManagementModuleDirectory;

        (await ResourcesAsync(module)).Where(resource => resource.Type.Contains("_iam_", StringComparison.Ordinal))
            .Select(resource => $"{resource.Type}.{resource.Name}").ShouldBeEmpty();
    }

    /// <summary>
    /// A data source the deployer cannot read fails its plan with 403 on a real project (the issue-10 review): every
    /// service account the cluster roots look up must be one the foundation lets the deployer read or use.
    /// </summary>
    [Theory]
    [InlineData("environment")]
    [InlineData("management")]
    public async Task Every_service_account_the_cluster_roots_look_up_is_readable_by_the_deployer(string root)
    {
        var gcp = CloudProviders.Get("gcp");
        var module = root == "environment" ? gcp.EnvironmentModuleDirectory : gcp.ManagementModuleDirectory;
        var lookedUp = (await BlocksAsync(module, "data")).Where(block => block.Type == "google_service_account")
            .Select(block => block.Body["account_id"]!.ToString()).ToList();
        var foundation = await ResourcesAsync(FoundationLayout.ModuleDirectory);
        // The accounts the foundation creates, by account id: its own resources, and its calls of modules/cluster-identity.
        var accounts = foundation.Where(resource => resource.Type == "google_service_account")
            .Select(resource => (Id: resource.Body["account_id"]!.ToString(), Reference: $"google_service_account.{resource.Name}"))
            .Concat((await BlocksAsync(FoundationLayout.ModuleDirectory, "module"))
                .Where(call => call.Body["source"]?.ToString() == "../modules/cluster-identity")
                .Select(call => (Id: call.Body["account_id"]!.ToString(), Reference: $"module.{call.Name}")))
            .ToDictionary(account => account.Id, account => account.Reference, StringComparer.Ordinal);
        var grantedTo = foundation
            .Where(resource => resource.Type == "google_service_account_iam_member"
                && (resource.Body["member"]?.ToString().Contains("deployer", StringComparison.Ordinal) ?? false)
                && resource.Body["role"]?.ToString() is "roles/iam.serviceAccountViewer" or "roles/iam.serviceAccountUser")
            .Select(resource => resource.Body["service_account_id"]!.ToString()).ToList();

        lookedUp.ShouldNotBeEmpty();
        foreach (var accountId in lookedUp)
        {
            accounts.ShouldContainKey(accountId, $"{module} looks up {accountId}, which the foundation does not create");
            grantedTo.ShouldContain($"${{{accounts[accountId]}.name}}", $"the deployer cannot read {accountId}, which {module} looks up");
        }
    }

    internal static async Task<List<(string Type, string Name, JsonObject Body)>> ResourcesAsync(string module) => await BlocksAsync(module, "resource");

    /// <summary>The blocks of one kind (resource, data, module) in the .tf files of a directory of the repository.</summary>
    internal static async Task<List<(string Type, string Name, JsonObject Body)>> BlocksAsync(string module, string kind)
    {
        var installation = await ProviderSchemaInstallation.GetAsync();
        var files = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, module), "*.tf");
        var parsed = await new HclParser(installation.NodeModules).ParseAsync(files);
        var resources = new List<(string, string, JsonObject)>();
        foreach (var body in parsed.Values.Select(result => result.Body.ShouldNotBeNull(result.Error)))
        {
            foreach (var (type, named) in body[kind]?.AsObject() ?? [])
            {
                if (named is JsonArray calls)
                {
                    // A block with one label (module "name"): its type is the kind.
                    resources.AddRange(calls.Select(block => (kind, type, block!.AsObject())));
                    continue;
                }

                foreach (var (name, blocks) in named!.AsObject())
                {
                    resources.AddRange(blocks!.AsArray().Select(block => (type, name, block!.AsObject())));
                }
            }
        }

        return resources;
    }
}
