using GitOps.Platform.Clouds;
using GitOps.Platform.Terraform.Internal;

namespace GitOps.Platform.Terraform;

/// <summary>
/// Where the Terraform of each cluster lives in this repository and where its state goes: the GCS bucket from the
/// build parameter or <c>TF_STATE_BUCKET</c>, prefix <c>gitops/&lt;stage&gt;/&lt;cloud&gt;</c> or
/// <c>gitops/&lt;stage&gt;/mgmt</c>, and a data directory under <c>.nuke/temp/terraform/&lt;stage&gt;-&lt;cloud|mgmt&gt;/</c>.
/// Root modules come from the <see cref="ICloudProvider"/> (relative to the repository root, or absolute); a
/// <paramref name="backend"/> replaces the GCS bucket, e.g. with local state files for modules that declare them.
/// </summary>
public sealed class TerraformWorkspaceLayout(
    string repositoryRoot, string? stateBucket, Func<string, string?> environment, TerraformStateBackend? backend = null)
{
    public const string StateBucketVariable = "TF_STATE_BUCKET";

    public TerraformWorkspace ForEnvironment(string stage, ICloudProvider cloud)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        return Create(ClusterKey.Environment(stage, cloud.Name), cloud, cloud.EnvironmentModuleDirectory, cloud.EnvironmentVarFile(stage));
    }

    public TerraformWorkspace ForManagement(string stage, ICloudProvider cloud)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        return Create(ClusterKey.Management(stage), cloud, cloud.ManagementModuleDirectory, cloud.ManagementVarFile(stage));
    }

    /// <summary>
    /// Every input <see cref="ForEnvironment"/> or <see cref="ForManagement"/> reads, checked without building the
    /// workspace: the build does so with its requirements, before any target acts. With unsetIsFinal false (locally,
    /// before GitLab's variables are loaded) a bucket or credentials not set yet pass; a wrong one does not. With
    /// credentials false (a pipeline, up front) the credentials file is not judged: it is the one the build writes from
    /// the job's token.
    /// </summary>
    public void RequireInputs(string stage, ICloudProvider cloud, bool management, bool unsetIsFinal, bool credentials = true)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        var cluster = management ? ClusterKey.Management(stage) : ClusterKey.Environment(stage, cloud.Name);
        if (backend is null)
        {
            var bucket = ResolveBucket(cluster);
            if (string.IsNullOrWhiteSpace(bucket) && unsetIsFinal)
            {
                throw NoBucket(cluster);
            }
        }

        RequireVariables(cluster, cloud, management ? cloud.ManagementVarFile(stage) : cloud.EnvironmentVarFile(stage), unsetIsFinal, credentials);
    }

    private TerraformWorkspace Create(ClusterKey cluster, ICloudProvider cloud, string module, string varFile)
    {
        var state = backend ?? Gcs(cluster);
        var varFilePath = RequireVariables(cluster, cloud, varFile, unsetIsFinal: true, credentials: true);
        var variables = cloud.VariablesFromEnvironment.ToDictionary(
            entry => entry.Key, entry => environment(entry.Value)!, StringComparer.Ordinal);
        variables["stage"] = cluster.Stage;

        return new TerraformWorkspace(
            cluster,
            Resolve(module),
            state.ConfigFor(cluster),
            [varFilePath],
            variables,
            Path.Combine(Path.GetFullPath(repositoryRoot), ".nuke", "temp", "terraform", cluster.ToString()));
    }

    private string RequireVariables(ClusterKey cluster, ICloudProvider cloud, string varFile, bool unsetIsFinal, bool credentials)
    {
        var varFilePath = Resolve(varFile);
        if (Directory.Exists(varFilePath))
        {
            throw new CloudConfigurationException($"{varFile} is a directory; it must be the tfvars file of this cluster's stage (name = value lines)");
        }

        if (!File.Exists(varFilePath))
        {
            throw new CloudConfigurationException(
                $"{varFile} does not exist; stages with Terraform variables for this cluster: {KnownStages(varFilePath)}");
        }

        TfvarsSyntax.Require(varFilePath, varFile);
        if (credentials)
        {
            CloudEnvironment.Require(cloud, environment, unsetIsFinal);
        }

        RequireMatchingEnvironment(cloud, varFile, varFilePath, cluster);
        return varFilePath;
    }

    private void RequireMatchingEnvironment(ICloudProvider cloud, string varFile, string varFilePath, ClusterKey cluster)
    {
        foreach (var (variable, environmentVariable) in cloud.VariablesMatchingEnvironment)
        {
            var value = TfvarsFile.StringValue(varFilePath, variable);
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new CloudConfigurationException($"{varFile}: {variable} is not set; each stage names its own (e.g. {variable} = \"...\")");
            }

            if (environment(environmentVariable) is { Length: > 0 } fromShell && fromShell != value)
            {
                throw new CloudConfigurationException(
                    $"{environmentVariable} is '{fromShell}' but {varFile} puts {cluster} in {variable} '{value}'; "
                    + $"unset {environmentVariable} or set it to '{value}'. Nothing was run.");
            }
        }
    }

    private TerraformStateBackend Gcs(ClusterKey cluster)
    {
        var bucket = ResolveBucket(cluster);
        return string.IsNullOrWhiteSpace(bucket) ? throw NoBucket(cluster) : TerraformStateBackend.Gcs(bucket);
    }

    private string? ResolveBucket(ClusterKey cluster) => CommittedStateBucket.Resolve(
        repositoryRoot, cluster.Stage, string.IsNullOrWhiteSpace(stateBucket) ? environment(StateBucketVariable) : stateBucket);

    // The committed tfvars are the one place a stage's bucket is named (README); the flag and variable may only repeat it.
    private static CloudConfigurationException NoBucket(ClusterKey cluster) =>
        new($"No Terraform state bucket for {cluster}: set state_bucket in {CommittedStateBucket.VarFile(cluster.Stage)} (--tf-state-bucket or {StateBucketVariable} may only repeat it)") { IsUnset = true };

    private string Resolve(string relative) => Path.GetFullPath(Path.Combine(repositoryRoot, relative));

    private static string KnownStages(string varFilePath)
    {
        var directory = Path.GetDirectoryName(varFilePath)!;
        string[] stages = Directory.Exists(directory)
            ? [.. Directory.EnumerateFiles(directory, "*.tfvars").Select(file => Path.GetFileNameWithoutExtension(file)).Order(StringComparer.Ordinal)]
            : [];
        var list = string.Join(", ", stages);
        return list.Length > 0 ? list : "none";
    }
}
