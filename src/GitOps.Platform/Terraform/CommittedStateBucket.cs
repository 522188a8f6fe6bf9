using GitOps.Platform.Clouds;
using GitOps.Platform.Terraform.Internal;

namespace GitOps.Platform.Terraform;

/// <summary>
/// The stage's Terraform state bucket as committed: <c>state_bucket</c> in its foundation tfvars, the bucket the
/// foundation creates. --tf-state-bucket or TF_STATE_BUCKET (a pipeline variable can set it) may repeat it but not
/// name another: state written elsewhere is state an attacker's bucket receives, or a fresh empty state that makes
/// Terraform create every cluster again. A stage that commits no bucket takes the given one, as before.
/// </summary>
public static class CommittedStateBucket
{
    public static string VarFile(string stage) => $"environments/terraform/gcp/stages/foundation/{stage}.tfvars";

    /// <summary>The bucket to use, or null when neither the repository nor the caller names one.</summary>
    /// <exception cref="CloudConfigurationException">The given bucket is not the committed one.</exception>
    public static string? Resolve(string repositoryRoot, string stage, string? given)
    {
        var file = Path.GetFullPath(Path.Combine(repositoryRoot, VarFile(stage)));
        var committed = Committed(file, VarFile(stage));
        given = string.IsNullOrWhiteSpace(given) ? null : given.Trim();
        if (string.IsNullOrWhiteSpace(committed))
        {
            return given;
        }

        return given is null || given == committed
            ? committed
            : throw new CloudConfigurationException(
                $"{TerraformWorkspaceLayout.StateBucketVariable} (or --tf-state-bucket) is '{given}' but {VarFile(stage)} keeps stage {stage}'s state in '{committed}'; "
                + $"unset it or set it to '{committed}'. Nothing was run.");
    }

    /// <summary>The file's state_bucket, null when there is no file or it sets none; a broken file or an empty name is refused.</summary>
    private static string? Committed(string file, string shown)
    {
        if (Directory.Exists(file))
        {
            throw new CloudConfigurationException($"{shown} is a directory; it must be the stage's foundation tfvars file (name = value lines, state_bucket among them)");
        }

        if (!File.Exists(file))
        {
            return null;
        }

        TfvarsSyntax.Require(file, shown);
        var (value, line) = TfvarsFile.StringValueWithLine(file, "state_bucket");
        return line > 0 && string.IsNullOrWhiteSpace(value)
            ? throw new CloudConfigurationException($"{shown}:{line}: state_bucket is empty; it names the bucket holding the stage's Terraform state (e.g. state_bucket = \"<project>-tfstate\")")
            : value;
    }
}
