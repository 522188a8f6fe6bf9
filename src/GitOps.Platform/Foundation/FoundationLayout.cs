using GitOps.Platform.Clouds;
using GitOps.Platform.Clouds.Google;
using GitOps.Platform.Terraform;
using GitOps.Platform.Terraform.Internal;

namespace GitOps.Platform.Foundation;

/// <summary>
/// Where the foundation of a stage lives: root module environments/terraform/gcp/foundation, variables
/// environments/terraform/gcp/stages/foundation/&lt;stage&gt;.tfvars, state in the stage's bucket under
/// gitops/&lt;stage&gt;/foundation (the bucket the foundation itself creates, named by state_bucket in those tfvars
/// and nowhere else), data under .nuke/temp/terraform/&lt;stage&gt;-foundation/.
/// </summary>
public sealed class FoundationLayout(string repositoryRoot, string? stateBucket, Func<string, string?> environment)
{
    public const string ModuleDirectory = "environments/terraform/gcp/foundation";

    public static string VarFile(string stage) => $"environments/terraform/gcp/stages/foundation/{stage}.tfvars";

    public FoundationWorkspace For(string stage)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stage);
        var varFile = Path.GetFullPath(Path.Combine(repositoryRoot, VarFile(stage)));
        if (!File.Exists(varFile))
        {
            throw new CloudConfigurationException($"{VarFile(stage)} does not exist; every stage's foundation has its tfvars there (project_id, state_bucket, gitlab_url, gitlab_project_path, dns_zone_name, dns_domain)");
        }

        TfvarsSyntax.Require(varFile, VarFile(stage));
        var (project, line) = TfvarsFile.StringValueWithLine(varFile, "project_id");
        if (string.IsNullOrWhiteSpace(project))
        {
            throw new CloudConfigurationException($"{VarFile(stage)}: project_id is not set; each stage's foundation names its own project (project_id = \"...\")");
        }

        // The foundation creates the bucket every root of the stage keeps its state in, so it takes the name only from
        // the committed tfvars (Terraform reads the same line as var.state_bucket); the build passes no -var for it.
        if (string.IsNullOrWhiteSpace(TfvarsFile.StringValue(varFile, "state_bucket")))
        {
            throw new CloudConfigurationException(
                $"{VarFile(stage)}: state_bucket is not set; each stage's foundation names the bucket it creates for the stage's Terraform state (e.g. state_bucket = \"{project}-tfstate\")");
        }

        var bucket = CommittedStateBucket.Resolve(
            repositoryRoot, stage, string.IsNullOrWhiteSpace(stateBucket) ? environment(TerraformWorkspaceLayout.StateBucketVariable) : stateBucket)!;
        GoogleProjectVariables.RequireAgreement(project, $"{VarFile(stage)}:{line}", $"the foundation of stage {stage}", environment);
        return new FoundationWorkspace(
            stage,
            Path.GetFullPath(Path.Combine(repositoryRoot, ModuleDirectory)),
            new Dictionary<string, string>(StringComparer.Ordinal) { ["bucket"] = bucket, ["prefix"] = $"gitops/{stage}/foundation" },
            [varFile],
            new Dictionary<string, string>(StringComparer.Ordinal) { ["stage"] = stage },
            Path.Combine(Path.GetFullPath(repositoryRoot), ".nuke", "temp", "terraform", $"{stage}-foundation"));
    }
}
